package com.cruddur.messaging.local.preflight;

/** An ECR image as a task definition names it: {@code REGISTRY.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG}. */
record ImageRef(String registryId, String repository, String tag) {

    static ImageRef parse(String image) {
        int slash = image.indexOf('/');
        int colon = image.lastIndexOf(':');
        if (slash < 0 || colon < slash || !image.substring(0, slash).contains(".dkr.ecr.")) {
            throw new IllegalArgumentException("the backend image " + image + " is not an ECR image with a tag (ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG)");
        }
        return new ImageRef(image.substring(0, image.indexOf('.')), image.substring(slash + 1, colon), image.substring(colon + 1));
    }

    String uri(String region) {
        return registryId + ".dkr.ecr." + region + ".amazonaws.com/" + repository + ":" + tag;
    }
}
