package com.cruddur.messaging.config;

/**
 * How the messages table and its index pay for throughput (SPEC §1: provisioned 5/5 in the
 * reference setup, on-demand a valid choice for other stages).
 */
public sealed interface TableBilling {

    /** Fixed capacity units for the table and, separately, for {@code message-group-sk-index}. */
    record Provisioned(int tableReadCapacity, int tableWriteCapacity,
                       int indexReadCapacity, int indexWriteCapacity) implements TableBilling {
    }

    /** Pay per request; no capacity units anywhere. */
    record OnDemand() implements TableBilling {
    }
}
