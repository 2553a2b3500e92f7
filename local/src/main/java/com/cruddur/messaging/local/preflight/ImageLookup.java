package com.cruddur.messaging.local.preflight;

import java.util.List;

/** What ECR says about the backend image: no repository, no image of that tag or digest, or the platforms the image is built for. */
sealed interface ImageLookup {

    record NoRepository() implements ImageLookup {
    }

    record NoImage() implements ImageLookup {
    }

    /** {@code os/architecture} of the image, or of each image of a multi-platform index. */
    record Platforms(List<String> platforms) implements ImageLookup {
    }
}
