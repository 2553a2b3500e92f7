package com.cruddur.messaging.config;

/**
 * How the messages table and its index pay for throughput (SPEC §1: provisioned 5/5 in the
 * reference setup, on-demand a valid choice for other stages).
 */
public sealed interface TableBilling {

    /**
     * Capacity units that target-tracking auto scaling keeps between {@code min} and {@code max}. The
     * template deploys {@code min}; Application Auto Scaling raises it when consumption stays above the
     * target for minutes, so {@code min} is what a sudden burst meets.
     */
    record CapacityRange(int min, int max) {
    }

    /** Read and write ranges of one thing that has its own capacity: the table, or the index. */
    record ReadWrite(CapacityRange read, CapacityRange write) {
    }

    /**
     * Provisioned capacity with auto scaling, separately for the table and for
     * {@code message-group-sk-index} (a GSI short of write capacity throttles the table's writes too).
     *
     * @param targetUtilizationPercent consumed/provisioned ratio every scaling policy aims for
     */
    record Provisioned(ReadWrite table, ReadWrite index, int targetUtilizationPercent) implements TableBilling {
    }

    /** Pay per request; no capacity units and no scaling anywhere. */
    record OnDemand() implements TableBilling {
    }
}
