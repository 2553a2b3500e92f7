package com.cruddur.messaging.config;

import java.util.Set;

/**
 * Reads a stage's {@code billing} object: {@code {"mode": "ON_DEMAND"}}, or
 * <pre>{"mode": "PROVISIONED",
 *  "table": {"read": {"min": 5, "max": 20}, "write": {"min": 5, "max": 50}},
 *  "index": {"read": {"min": 5, "max": 20}, "write": {"min": 5, "max": 25}},
 *  "targetUtilizationPercent": 70}</pre>
 */
final class TableBillingReader {

    /** DynamoDB's default per-table quota for provisioned units. */
    static final int MAX_CAPACITY_UNITS = 40_000;
    /** The target values Application Auto Scaling accepts for DynamoDB's utilization metrics. */
    static final int MIN_TARGET_PERCENT = 20;
    static final int MAX_TARGET_PERCENT = 90;

    private static final Set<String> ON_DEMAND_KEYS = Set.of("mode");
    private static final Set<String> PROVISIONED_KEYS = Set.of("mode", "table", "index", "targetUtilizationPercent");
    private static final Set<String> READ_WRITE_KEYS = Set.of("read", "write");
    private static final Set<String> RANGE_KEYS = Set.of("min", "max");

    /** Values of {@code billing.mode}. */
    enum BillingMode { PROVISIONED, ON_DEMAND }

    private TableBillingReader() {
    }

    static TableBilling read(Settings billing) {
        BillingMode mode = billing.enumValue("mode", BillingMode.class);
        if (mode == BillingMode.ON_DEMAND) {
            billing.rejectUnknownKeys(ON_DEMAND_KEYS);
            return new TableBilling.OnDemand();
        }
        billing.rejectUnknownKeys(PROVISIONED_KEYS);
        return new TableBilling.Provisioned(
                readWrite(billing.object("table")),
                readWrite(billing.object("index")),
                billing.integer("targetUtilizationPercent", MIN_TARGET_PERCENT, MAX_TARGET_PERCENT));
    }

    private static TableBilling.ReadWrite readWrite(Settings capacity) {
        capacity.rejectUnknownKeys(READ_WRITE_KEYS);
        return new TableBilling.ReadWrite(range(capacity.object("read")), range(capacity.object("write")));
    }

    private static TableBilling.CapacityRange range(Settings range) {
        range.rejectUnknownKeys(RANGE_KEYS);
        int min = range.integer("min", 1, MAX_CAPACITY_UNITS);
        int max = range.integer("max", 1, MAX_CAPACITY_UNITS);
        if (max < min) {
            throw range.invalid("max", max, "a whole number from min (" + min + ") to " + MAX_CAPACITY_UNITS);
        }
        return new TableBilling.CapacityRange(min, max);
    }
}
