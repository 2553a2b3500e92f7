package com.cruddur.messaging.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's documented capacity rules, computed from the actual items (not a test, and not production code: the
 * benchmark uses them where DynamoDB Local does not bill as DynamoDB does, and to check Local where it does).
 * Sources, also cited in the README's benchmark section:
 * <ul>
 *   <li>item size: developerguide/CapacityUnitCalculations.html (attribute name lengths plus value sizes);</li>
 *   <li>reads and writes: developerguide/read-write-operations.html (formerly ProvisionedThroughput.html): writes
 *       round the item up to 1 KB, a put or update bills the larger of old and new item, a delete the deleted item;
 *       reads round up to 4 KB (a Query over the total of the items it reads), eventually consistent reads cost half,
 *       and a read that finds nothing still costs the minimum;</li>
 *   <li>transactions: developerguide/transaction-apis.html#transaction-capacity-handling (two underlying writes of
 *       every item: prepare and commit);</li>
 *   <li>global secondary indexes: developerguide/GSI.html#GSI.ThroughputConsiderations.Writes (one index write to add
 *       or remove an entry, two when an indexed key changes, one when only projected attributes change, none for an
 *       item outside the index before and after; index entries over 1 KB cost more).</li>
 * </ul>
 */
final class CapacityRules {

    /** A write unit covers 1 KB of item. */
    static final int WRITE_UNIT_BYTES = 1024;
    /** A read unit covers 4 KB, strongly consistent. */
    static final int READ_UNIT_BYTES = 4096;
    /** Every item of a TransactWriteItems is written twice: prepare and commit. */
    static final int TRANSACTIONAL_WRITE_FACTOR = 2;
    /** An eventually consistent read costs half a strongly consistent one. */
    static final double EVENTUALLY_CONSISTENT_FACTOR = 0.5;

    private CapacityRules() {
    }

    /** The item's size in bytes: the UTF-8 length of every attribute name plus the size of its value. */
    static long itemSize(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    /** Write units of writing an item of {@code bytes}: rounded up to the next KB, at least one. */
    static long writeUnits(long bytes) {
        return Math.max(1, ceilDiv(bytes, WRITE_UNIT_BYTES));
    }

    /** Read units of reading {@code bytes} in one operation: rounded up to the next 4 KB, at least one, halved if eventually consistent. */
    static double readUnits(long bytes, boolean consistent) {
        long units = Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES));
        return consistent ? units : units * EVENTUALLY_CONSISTENT_FACTOR;
    }

    /** Table write units of a put that replaces {@code before} (null if the key was free) with {@code after}: the larger item counts. */
    static long putUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        return writeUnits(Math.max(itemSize(before), itemSize(after)));
    }

    /** Table write units of a delete of {@code before} (null if the key held nothing: the minimum is still billed). */
    static long deleteUnits(Map<String, AttributeValue> before) {
        return writeUnits(itemSize(before));
    }

    /**
     * Index write units for a table write that turns {@code before} into {@code after} (either null for no item), for an
     * index keyed on {@code indexKeys} that projects ALL attributes, so an index entry is as large as its item.
     */
    static long indexWriteUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after, Collection<String> indexKeys) {
        boolean wasIndexed = indexed(before, indexKeys);
        boolean isIndexed = indexed(after, indexKeys);
        if (!wasIndexed && !isIndexed) {
            return 0;
        }
        if (!wasIndexed) {
            return writeUnits(itemSize(after));
        }
        if (!isIndexed) {
            return writeUnits(itemSize(before));
        }
        boolean keyChanged = indexKeys.stream().anyMatch(key -> !Objects.equals(before.get(key), after.get(key)));
        if (keyChanged) {
            return writeUnits(itemSize(before)) + writeUnits(itemSize(after));
        }
        // Only projected attributes changed: one write; nothing at all changed: nothing to write (as DynamoDB Local reports).
        return before.equals(after) ? 0 : writeUnits(itemSize(after));
    }

    private static boolean indexed(Map<String, AttributeValue> item, Collection<String> indexKeys) {
        return item != null && indexKeys.stream().allMatch(item::containsKey);
    }

    private static long valueSize(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return numberSize(value.n());
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.bool() != null || value.nul() != null) {
            return 1;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(CapacityRules::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(CapacityRules::numberSize).sum();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(element -> 1 + valueSize(element)).sum();
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream().mapToLong(entry -> 1 + utf8(entry.getKey()) + valueSize(entry.getValue())).sum();
        }
        throw new IllegalArgumentException("no size rule for the attribute value " + value);
    }

    /** About one byte per two significant digits, plus one (leading and trailing zeroes do not count). */
    private static long numberSize(String number) {
        String digits = new BigDecimal(number).stripTrailingZeros().unscaledValue().abs().toString();
        return ceilDiv(digits.length(), 2) + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** The index keys of the messages table's GSI. */
    static final List<String> MESSAGE_GROUP_INDEX_KEYS = List.of(com.cruddur.messaging.contract.Items.MESSAGE_GROUP_UUID,
            com.cruddur.messaging.contract.Items.SK);
}
