package com.cruddur.messaging.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Whether the shell local mode runs in already gives AWS clients a region and credentials: from the environment
 * variables or the active profile of the shared config and credentials files. Read from the files only, never from
 * an instance or container metadata endpoint, so finding out makes no network call.
 */
public record AwsSettingsInEnvironment(Optional<String> region, Optional<String> credentials) {

    /** Profile properties that make the SDKs and the CLI resolve credentials from the profile. */
    private static final List<String> CREDENTIAL_PROPERTIES = List.of("aws_access_key_id", "role_arn", "credential_process",
            "sso_start_url", "sso_session", "web_identity_token_file");

    public static AwsSettingsInEnvironment of(Map<String, String> environment, Path home) {
        String profileName = firstSet(environment, "AWS_PROFILE", "AWS_DEFAULT_PROFILE").orElse("default");
        Optional<Profile> profile = profile(environment, home, profileName);
        Optional<String> region = firstSet(environment, "AWS_REGION", "AWS_DEFAULT_REGION")
                .map(value -> "region " + value + " from " + (set(environment, "AWS_REGION") ? "AWS_REGION" : "AWS_DEFAULT_REGION"))
                .or(() -> profile.flatMap(p -> p.property("region")).map(value -> "region " + value + " from profile " + profileName));
        Optional<String> credentials = set(environment, "AWS_ACCESS_KEY_ID") ? Optional.of("credentials from AWS_ACCESS_KEY_ID")
                : set(environment, "AWS_WEB_IDENTITY_TOKEN_FILE") ? Optional.of("credentials from AWS_WEB_IDENTITY_TOKEN_FILE")
                : set(environment, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") || set(environment, "AWS_CONTAINER_CREDENTIALS_FULL_URI")
                        ? Optional.of("the container's credentials")
                : profile.filter(p -> CREDENTIAL_PROPERTIES.stream().anyMatch(name -> p.property(name).isPresent()))
                        .map(p -> "credentials from profile " + profileName);
        return new AwsSettingsInEnvironment(region, credentials);
    }

    private static Optional<Profile> profile(Map<String, String> environment, Path home, String name) {
        Path config = firstSet(environment, "AWS_CONFIG_FILE").map(Path::of).orElse(home.resolve(".aws").resolve("config"));
        Path credentials = firstSet(environment, "AWS_SHARED_CREDENTIALS_FILE").map(Path::of).orElse(home.resolve(".aws").resolve("credentials"));
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        if (Files.isRegularFile(credentials)) {
            files.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        if (Files.isRegularFile(config)) {
            files.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        return files.build().profile(name);
    }

    private static Optional<String> firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            if (set(environment, name)) {
                return Optional.of(environment.get(name));
            }
        }
        return Optional.empty();
    }

    private static boolean set(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }
}
