package com.cruddur.messaging.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The documented capacity rules the benchmark computes with, on items whose sizes are known by hand. */
class CapacityRulesTest {

    private static final List<String> INDEX_KEYS = CapacityRules.MESSAGE_GROUP_INDEX_KEYS;

    @Test
    void anItemIsTheSumOfItsAttributeNamesAndValues() {
        // "pk" 2 + "GRP#a" 5, "sk" 2 + 2, "é" is 2 bytes in UTF-8: "m" 1 + 2
        Map<String, AttributeValue> item = Map.of("pk", s("GRP#a"), "sk", s("26"), "m", s("é"));

        assertEquals(14, CapacityRules.itemSize(item));
    }

    @Test
    void numbersBinariesBooleansListsAndMapsFollowTheDocumentedSizes() {
        assertEquals(1 + 3 + 1, CapacityRules.itemSize(Map.of("n", AttributeValue.fromN("12345"))));   // 5 significant digits: 3 bytes, + 1
        assertEquals(1 + 1 + 1, CapacityRules.itemSize(Map.of("n", AttributeValue.fromN("1200.00")))); // trailing zeroes do not count
        assertEquals(1 + 4, CapacityRules.itemSize(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[4])))));
        assertEquals(1 + 1, CapacityRules.itemSize(Map.of("t", AttributeValue.fromBool(true))));
        assertEquals(1 + 3 + (1 + 1) + (1 + 2), CapacityRules.itemSize(Map.of("l", AttributeValue.fromL(List.of(s("a"), s("bc"))))));
        assertEquals(1 + 3 + (1 + 1 + 1), CapacityRules.itemSize(Map.of("m", AttributeValue.fromM(Map.of("k", s("v"))))));
    }

    @Test
    void writesRoundUpToTheNextKilobyteAndCostAtLeastOneUnit() {
        assertEquals(1, CapacityRules.writeUnits(0));
        assertEquals(1, CapacityRules.writeUnits(500));
        assertEquals(1, CapacityRules.writeUnits(1024));
        assertEquals(2, CapacityRules.writeUnits(1025));
        assertEquals(2, CapacityRules.writeUnits(1600));
    }

    @Test
    void readsRoundUpToFourKilobytesAndEventuallyConsistentReadsCostHalf() {
        assertEquals(1.0, CapacityRules.readUnits(3500, true));
        assertEquals(0.5, CapacityRules.readUnits(3500, false));
        assertEquals(3.0, CapacityRules.readUnits(10 * 1024, true));
        assertEquals(0.5, CapacityRules.readUnits(0, false), "a read that finds nothing still costs the minimum");
    }

    @Test
    void aPutBillsTheLargerOfTheItemItReplacesAndTheNewOne() {
        Map<String, AttributeValue> small = Map.of("pk", s("p"), "sk", s("s"));
        Map<String, AttributeValue> large = Map.of("pk", s("p"), "sk", s("s"), "message", s("x".repeat(1500)));

        assertEquals(2, CapacityRules.putUnits(large, small));
        assertEquals(2, CapacityRules.putUnits(small, large));
        assertEquals(1, CapacityRules.putUnits(null, small));
        assertEquals(2, CapacityRules.deleteUnits(large));
        assertEquals(1, CapacityRules.deleteUnits(null), "deleting a missing item still costs one unit");
    }

    @Test
    void theIndexIsWrittenOnceToAddOrRemoveAnEntryAndTwiceWhenItsKeyChanges() {
        Map<String, AttributeValue> row = row("2026-11-24T10:00:00.000000+00:00", "hello");
        Map<String, AttributeValue> moved = row("2026-11-24T10:00:01.000000+00:00", "hello");
        Map<String, AttributeValue> retexted = row("2026-11-24T10:00:00.000000+00:00", "edited");
        Map<String, AttributeValue> message = Map.of("pk", s("MSG#g"), "sk", s("2026-11-24T10:00:00.000000+00:00"), "message", s("hi"));

        assertEquals(1, CapacityRules.indexWriteUnits(null, row, INDEX_KEYS), "new item in the index");
        assertEquals(1, CapacityRules.indexWriteUnits(row, null, INDEX_KEYS), "item removed from the index");
        assertEquals(2, CapacityRules.indexWriteUnits(row, moved, INDEX_KEYS), "indexed key changed: delete and put");
        assertEquals(1, CapacityRules.indexWriteUnits(row, retexted, INDEX_KEYS), "only a projected attribute changed");
        assertEquals(0, CapacityRules.indexWriteUnits(row, row, INDEX_KEYS), "nothing changed");
        assertEquals(0, CapacityRules.indexWriteUnits(null, message, INDEX_KEYS), "a message has no message_group_uuid: sparse index");
    }

    @Test
    void indexEntriesOverAKilobyteCostMore() {
        Map<String, AttributeValue> large = row("2026-11-24T10:00:00.000000+00:00", "x".repeat(1024));

        assertEquals(2, CapacityRules.indexWriteUnits(null, large, INDEX_KEYS));
    }

    @Test
    void oneRowMovedByATransactionCostsFourTableUnitsAndTwoIndexUnits() {
        Map<String, AttributeValue> row = row("2026-11-24T10:00:00.000000+00:00", "hello");
        Map<String, AttributeValue> moved = row("2026-11-24T10:00:01.000000+00:00", "again");

        long table = CapacityRules.TRANSACTIONAL_WRITE_FACTOR * (CapacityRules.deleteUnits(row) + CapacityRules.putUnits(null, moved));
        long index = CapacityRules.indexWriteUnits(row, null, INDEX_KEYS) + CapacityRules.indexWriteUnits(null, moved, INDEX_KEYS);

        assertEquals(4, table);
        assertEquals(2, index);
    }

    private static Map<String, AttributeValue> row(String sk, String text) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put("pk", s("GRP#8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b"));
        row.put("sk", s(sk));
        row.put("message_group_uuid", s("5ae290ed-55d1-47a0-bc6d-fe2bc2700399"));
        row.put("message", s(text));
        return row;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
