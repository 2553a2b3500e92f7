package com.cruddur.messaging.stream;

import java.util.List;

/**
 * A phase of a conversation's row writes did not go through as planned. What the statements' error codes call for
 * decides what the refresher does next (see {@link #classify}).
 */
public final class RowWriteFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the failure calls for. */
    public enum Kind {
        /** The plan's view of the rows was out of date (a row it moves or deletes is gone, or is another conversation's): re-read and plan again. */
        STALE,
        /** Throttled, conflicting or an internal error: the same plan, after a backoff. */
        TRANSIENT,
        /** DynamoDB refuses the statement as such: retrying cannot help. */
        INVALID
    }

    private static final List<String> TRANSIENT_CODES = List.of("ProvisionedThroughputExceeded", "ThrottlingError", "RequestLimitExceeded",
            "TransactionConflict", "InternalServerError");

    private final Kind kind;

    RowWriteFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Pure: the worst of the statements' error codes (null for a statement that went through) wins: INVALID, then TRANSIENT, then STALE. */
    static Kind classify(List<String> codes) {
        if (codes.stream().anyMatch(code -> code != null && !"ConditionalCheckFailed".equals(code) && !TRANSIENT_CODES.contains(code))) {
            return Kind.INVALID;
        }
        return codes.stream().anyMatch(code -> code != null && TRANSIENT_CODES.contains(code)) ? Kind.TRANSIENT : Kind.STALE;
    }
}
