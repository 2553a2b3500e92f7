package com.cruddur.messaging.local.preflight;

/**
 * An ECR image as a task definition names it: {@code REGISTRY.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG}, or by digest
 * {@code .../REPOSITORY@sha256:HEX}.
 *
 * @param reference the tag, or the digest ({@code sha256:...})
 */
record ImageRef(String registryId, String repository, String reference) {

    private static final String DIGEST_PREFIX = "sha256:";

    static ImageRef parse(String image) {
        int slash = image.indexOf('/');
        int at = image.indexOf('@', slash + 1);
        int separator = at >= 0 ? at : image.lastIndexOf(':');
        if (slash < 0 || separator < slash || !image.substring(0, slash).contains(".dkr.ecr.")
                || (at >= 0 && !image.startsWith(DIGEST_PREFIX, at + 1))) {
            throw new IllegalArgumentException("the backend image " + image + " is not an ECR image with a tag or a digest"
                    + " (ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG or REPOSITORY@sha256:DIGEST)");
        }
        return new ImageRef(image.substring(0, image.indexOf('.')), image.substring(slash + 1, separator), image.substring(separator + 1));
    }

    /** Named by digest: what runs is that image, whatever is pushed later. */
    boolean byDigest() {
        return reference.startsWith(DIGEST_PREFIX);
    }

    /** "tagged TAG" or "with digest sha256:...", as a finding says it. */
    String described() {
        return byDigest() ? "with digest " + reference : "tagged " + reference;
    }

    String uri(String region) {
        return registryId + ".dkr.ecr." + region + ".amazonaws.com/" + repository + (byDigest() ? "@" : ":") + reference;
    }
}
