package com.cruddur.messaging.local.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The platforms an ECR image is built for. A multi-platform image is an index that lists each image's platform; a
 * single image states its platform only in its config blob, which ECR serves through a pre-signed download URL
 * (GetDownloadUrlForLayer), fetched over the same HTTP client as the SDK calls.
 */
final class ImagePlatforms {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Both index formats and both single-manifest formats, so ECR returns the manifest as pushed instead of converting it. */
    private static final List<String> MEDIA_TYPES = List.of("application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    /** Index entries for build attestations, not images. */
    private static final String UNKNOWN = "unknown/unknown";

    private final EcrClient ecr;
    private final SdkHttpClient http;

    /** {@code ecr} stays its owner's to close. */
    ImagePlatforms(EcrClient ecr, SdkHttpClient http) {
        this.ecr = ecr;
        this.http = http;
    }

    ImageLookup lookup(ImageRef image) {
        BatchGetImageResponse response;
        try {
            response = ecr.batchGetImage(b -> b.registryId(image.registryId()).repositoryName(image.repository())
                    .imageIds(id -> {
                        if (image.byDigest()) {
                            id.imageDigest(image.reference());
                        } else {
                            id.imageTag(image.reference());
                        }
                    }).acceptedMediaTypes(MEDIA_TYPES));
        } catch (RepositoryNotFoundException e) {
            return new ImageLookup.NoRepository();
        }
        if (response.images().isEmpty()) {
            return new ImageLookup.NoImage();
        }
        JsonNode manifest = parse(response.images().get(0).imageManifest());
        List<String> platforms = new ArrayList<>();
        if (manifest.has("manifests")) {
            for (JsonNode entry : manifest.path("manifests")) {
                String platform = platform(entry.path("platform"));
                if (!UNKNOWN.equals(platform)) {
                    platforms.add(platform);
                }
            }
        } else {
            platforms.add(platform(config(image, manifest.path("config").path("digest").asText())));
        }
        return new ImageLookup.Platforms(platforms);
    }

    private JsonNode config(ImageRef image, String digest) {
        String url = ecr.getDownloadUrlForLayer(b -> b.registryId(image.registryId()).repositoryName(image.repository()).layerDigest(digest))
                .downloadUrl();
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().uri(URI.create(url)).method(SdkHttpMethod.GET).build();
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException("cannot download the config of " + image.repository() + " " + image.described() + ": HTTP "
                        + response.httpResponse().statusCode());
            }
            try (InputStream body = response.responseBody().orElseThrow()) {
                return JSON.readTree(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download the config of " + image.repository() + " " + image.described(), e);
        }
    }

    private static String platform(JsonNode node) {
        return node.path("os").asText("unknown") + "/" + node.path("architecture").asText("unknown");
    }

    private static JsonNode parse(String manifest) {
        try {
            return JSON.readTree(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an image manifest from ECR", e);
        }
    }
}
