package com.cruddur.messaging.local.preflight;

import java.util.Map;

/** Check 3: the image the task definition runs exists in ECR and is built for the task's CPU architecture. */
final class ImageCheck {

    static final String SUBJECT = "image";
    /** ECS's CpuArchitecture values and the OCI platform each runs. */
    private static final Map<String, String> PLATFORM = Map.of("X86_64", "linux/amd64", "ARM64", "linux/arm64");

    private ImageCheck() {
    }

    static CheckResult check(ImageRef image, String cpuArchitecture, ImageLookup lookup, String region) {
        String uri = image.uri(region);
        String platform = PLATFORM.getOrDefault(cpuArchitecture, cpuArchitecture);
        if (lookup instanceof ImageLookup.NoRepository) {
            return CheckResult.fail(SUBJECT, "no ECR repository " + image.repository() + " in " + image.registryId() + "/" + region,
                    "aws ecr create-repository --region " + region + " --repository-name " + image.repository() + " " + ImagePinCheck.PIN_FLAGS
                            + ", then push the image; or set backend.imageRepository in stages.local.json");
        }
        if (lookup instanceof ImageLookup.NoImage) {
            return CheckResult.fail(SUBJECT, "repository " + image.repository() + " has no image " + image.described(), image.byDigest()
                    ? "set backend.imageDigest in stages.local.json to the digest of an image the repository holds (aws ecr list-images --region "
                            + region + " --repository-name " + image.repository() + ")"
                    : push(platform, uri) + "; or set backend.imageTag in stages.local.json");
        }
        ImageLookup.Platforms built = (ImageLookup.Platforms) lookup;
        if (built.platforms().contains(platform)) {
            return CheckResult.pass(SUBJECT, uri + " is built for " + platform + ", as the task definition's " + cpuArchitecture + " needs");
        }
        String other = PLATFORM.entrySet().stream().filter(entry -> built.platforms().contains(entry.getValue())).map(Map.Entry::getKey)
                .findFirst().map(architecture -> " (or set backend.cpuArchitecture to " + architecture + " in stages.local.json)").orElse("");
        // A digest names one build: the rebuilt image gets a new tag, and its digest goes into the stage's settings.
        String rebuild = image.byDigest()
                ? push(platform, uri.substring(0, uri.indexOf('@')) + ":NEW_TAG") + ", then set backend.imageDigest to its digest"
                : push(platform, uri);
        return CheckResult.fail(SUBJECT, uri + " is built for " + String.join(", ", built.platforms()) + " but the task definition runs "
                + cpuArchitecture + " (" + platform + ")", rebuild + other);
    }

    private static String push(String platform, String uri) {
        return "docker buildx build --platform " + platform + " -t " + uri + " --push backend-flask";
    }
}
