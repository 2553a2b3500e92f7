package com.cruddur.messaging.config;

import java.util.Set;

/**
 * Which image of {@code backend.imageRepository} the backend runs: by tag ({@code backend.imageTag}) or by digest
 * ({@code backend.imageDigest}). A digest names one image for ever; a tag names whatever was last pushed under it,
 * unless the repository's tags are immutable. ECS resolves a tag to a digest when a deployment starts, so a push under a
 * tag the task definition already names changes nothing until the next deployment, and never shows in {@code cdk diff}.
 */
public sealed interface ImageReference {

    /**
     * Tags that by convention move to every new build, so they never name the image that was meant: refused on a stage
     * holding real data (compared case-insensitively). The stage's own name is refused as well.
     */
    Set<String> MOVING_TAGS = Set.of("latest", "stable", "edge", "nightly", "main", "master", "head", "dev", "develop", "staging",
            "prod", "production", "current");

    /** What {@code ContainerImage.fromEcrRepository} and ECR take: the tag, or {@code sha256:<hex>}. */
    String tagOrDigest();

    /** An image tag, such as {@code 2026-11-25.1} or a git commit. */
    record Tag(String tag) implements ImageReference {
        @Override
        public String tagOrDigest() {
            return tag;
        }
    }

    /** An image digest, {@code sha256:} and 64 lowercase hex digits, as ECR reports it. */
    record Digest(String digest) implements ImageReference {
        @Override
        public String tagOrDigest() {
            return digest;
        }
    }
}
