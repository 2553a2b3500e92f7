package com.cruddur.messaging.local.preflight;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether an ECR repository lets a push move a tag to another image (ecr:DescribeRepositories
 * {@code imageTagMutability} and {@code imageTagMutabilityExclusionFilters}). {@code MUTABLE}: every tag moves;
 * {@code IMMUTABLE}: none; {@code IMMUTABLE_WITH_EXCLUSION}: only tags an exclusion filter matches;
 * {@code MUTABLE_WITH_EXCLUSION}: every tag but those the filters match. A filter is a wildcard pattern ({@code *}: any
 * characters) matched against the whole tag.
 *
 * @param setting          the repository's {@code imageTagMutability}
 * @param exclusionFilters the {@code filter} of each exclusion filter (ECR's only filter type is WILDCARD)
 */
record TagMutability(String setting, List<String> exclusionFilters) {

    static final String MUTABLE = "MUTABLE";
    static final String IMMUTABLE = "IMMUTABLE";
    static final String IMMUTABLE_WITH_EXCLUSION = "IMMUTABLE_WITH_EXCLUSION";
    static final String MUTABLE_WITH_EXCLUSION = "MUTABLE_WITH_EXCLUSION";

    /** Whether a push under {@code tag} can replace the image it names; a setting this code does not know counts as mutable. */
    boolean canMove(String tag) {
        return switch (setting) {
            case IMMUTABLE -> false;
            case IMMUTABLE_WITH_EXCLUSION -> excluded(tag);
            case MUTABLE_WITH_EXCLUSION -> !excluded(tag);
            default -> true;
        };
    }

    /** Whether an exclusion filter matches {@code tag}. */
    boolean excluded(String tag) {
        return exclusionFilters.stream().anyMatch(filter -> wildcard(filter).matcher(tag).matches());
    }

    /** The setting as a finding shows it: {@code IMMUTABLE}, or {@code IMMUTABLE_WITH_EXCLUSION, mutable: latest}. */
    String described() {
        if (exclusionFilters.isEmpty()) {
            return setting;
        }
        return setting + ", " + (IMMUTABLE_WITH_EXCLUSION.equals(setting) ? "mutable: " : "immutable: ") + String.join(", ", exclusionFilters);
    }

    private static Pattern wildcard(String filter) {
        return Pattern.compile(Arrays.stream(filter.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
