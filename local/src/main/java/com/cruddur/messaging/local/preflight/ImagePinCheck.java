package com.cruddur.messaging.local.preflight;

import java.util.List;
import java.util.Optional;

/**
 * Check 3's companion: the image the task definition names cannot change under it. A digest never does; a tag does when the
 * repository lets a push overwrite it ({@link TagMutability}). ECS resolves a tag to a digest when a deployment starts, so
 * an overwritten tag changes what the next deployment (any change of the service or its task definition, or a forced
 * redeployment) runs without any {@code cdk diff}; tasks of the current deployment keep its digest. That fails a stage holding real data (its stacks have termination protection); any other stage
 * passes and is told how a push reaches it.
 */
final class ImagePinCheck {

    static final String SUBJECT = "image pin";
    /**
     * What the README's repository has: every tag written once, except {@code latest}, which dev may follow. Both stages
     * share the repository, so IMMUTABLE alone would refuse dev's second push of {@code latest}.
     */
    static final String PIN_FLAGS = "--image-tag-mutability " + TagMutability.IMMUTABLE_WITH_EXCLUSION
            + " --image-tag-mutability-exclusion-filters filterType=WILDCARD,filter=latest";

    private ImagePinCheck() {
    }

    /** The facts of the stage this check needs beyond the image: whether it holds real data, and its service. */
    record Stage(String name, boolean holdsRealData, String cluster, String service) {
    }

    /** A digest: pinned whatever the repository allows, so ECR is not asked. */
    static CheckResult byDigest(ImageRef image) {
        return CheckResult.pass(SUBJECT, "the task definition names " + image.repository() + " by digest " + image.reference()
                + ", which no push can move");
    }

    /** A tag, with what the repository says of its tags; no line when there is no repository (the image check says how to create it). */
    static List<CheckResult> byTag(ImageRef image, Optional<TagMutability> repository, Stage stage, String region) {
        if (repository.isEmpty()) {
            return List.of();
        }
        TagMutability tags = repository.get();
        String tag = image.reference();
        String where = image.repository() + " (" + tags.described() + ")";
        if (!tags.canMove(tag)) {
            return List.of(CheckResult.pass(SUBJECT, "tag " + tag + " cannot be overwritten in " + where));
        }
        if (!stage.holdsRealData()) {
            return List.of(CheckResult.pass(SUBJECT, "tag " + tag + " can be overwritten in " + where + "; stage " + stage.name()
                    + " holds no real data (its stacks have no termination protection), so it may follow the tag: a push reaches it with"
                    + " aws ecs update-service --region " + region + " --cluster " + stage.cluster() + " --service " + stage.service()
                    + " --force-new-deployment"));
        }
        String digest = "set backend.imageDigest in stages.local.json to the image's digest (aws ecr describe-images --region " + region
                + " --repository-name " + image.repository() + " --image-ids imageTag=" + tag
                + " --query 'imageDetails[0].imageDigest' --output text)";
        // A tag an exclusion filter keeps mutable stays so after any change of the setting: only another tag or the digest pins it.
        String fix = TagMutability.IMMUTABLE_WITH_EXCLUSION.equals(tags.setting())
                ? digest + ", or push the build under a tag no exclusion filter matches and set backend.imageTag to it"
                : "aws ecr put-image-tag-mutability --region " + region + " --repository-name " + image.repository() + " " + PIN_FLAGS
                        + "; or " + digest;
        return List.of(CheckResult.fail(SUBJECT, "tag " + tag + " can be overwritten in " + where + ", and stage " + stage.name()
                + " holds real data (its stacks have termination protection): a push under " + tag + " changes what its next deployment runs",
                fix));
    }
}
