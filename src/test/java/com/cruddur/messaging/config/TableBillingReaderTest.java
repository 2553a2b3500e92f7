package com.cruddur.messaging.config;

import static com.cruddur.messaging.config.StageConfigAssertions.assertError;
import static com.cruddur.messaging.config.StageConfigAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.config.TableBilling.CapacityRange;
import com.cruddur.messaging.config.TableBilling.ReadWrite;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The {@code billing} setting: on-demand, or auto-scaled provisioned ranges for table and index with one target. */
class TableBillingReaderTest {

    /** Every capacity range of a provisioned billing object, by its path under {@code billing}. */
    static List<String> ranges() {
        return List.of("table.read", "table.write", "index.read", "index.write");
    }

    @Test
    void devScalesUpFromTheReferenceFiveByFive() {
        assertEquals(new TableBilling.Provisioned(
                new ReadWrite(new CapacityRange(5, 10), new CapacityRange(5, 25)),
                new ReadWrite(new CapacityRange(5, 10), new CapacityRange(5, 15)), 70), read("dev", Map.of()).billing());
    }

    @Test
    void prodScalesUpFromTheReferenceFiveByFive() {
        assertEquals(new TableBilling.Provisioned(
                new ReadWrite(new CapacityRange(5, 50), new CapacityRange(5, 100)),
                new ReadWrite(new CapacityRange(5, 50), new CapacityRange(5, 50)), 70), read("prod", Map.of()).billing());
    }

    @Test
    void eachRangeAndTheTargetAreTheirOwnSettings() {
        Map<String, Object> billing = Map.of("mode", "PROVISIONED",
                "table", Map.of("read", range(1, 2), "write", range(3, 4)),
                "index", Map.of("read", range(5, 6), "write", range(7, 8)),
                "targetUtilizationPercent", 55);
        assertEquals(new TableBilling.Provisioned(
                new ReadWrite(new CapacityRange(1, 2), new CapacityRange(3, 4)),
                new ReadWrite(new CapacityRange(5, 6), new CapacityRange(7, 8)), 55), read("dev", Map.of("billing", billing)).billing());
    }

    @Test
    void minEqualToMaxIsAFixedCapacity() {
        assertEquals(new CapacityRange(7, 7), readProvisioned("table.write", range(7, 7)).table().write());
    }

    @Test
    void onDemandIsAccepted() {
        assertEquals(new TableBilling.OnDemand(), read("dev", Map.of("billing", Map.of("mode", "ON_DEMAND"))).billing());
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void maxBelowMinIsRejected(String range) {
        assertError(() -> readProvisioned(range, range(10, 9)),
                "stages.dev.billing." + range + ".max: 9 is not allowed", "a whole number from min (10) to 40000");
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void minBelowOneIsRejected(String range) {
        assertError(() -> readProvisioned(range, range(0, 5)),
                "stages.dev.billing." + range + ".min: 0 is not allowed", "a whole number from 1 to 40000");
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void maxAboveTheTableQuotaIsRejected(String range) {
        assertError(() -> readProvisioned(range, range(5, 40_001)),
                "stages.dev.billing." + range + ".max: 40001 is not allowed", "a whole number from 1 to 40000");
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void unknownKeyInARangeIsRejected(String range) {
        assertError(() -> readProvisioned(range, Map.of("min", 5, "max", 10, "maximum", 20)),
                "stages.dev.billing." + range + ".maximum is not a known setting", "[max, min]");
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void missingMaxIsRejected(String range) {
        assertError(() -> readProvisioned(range, Map.of("min", 5)), "stages.dev.billing." + range + ".max is missing");
    }

    @Test
    void fractionalCapacityIsRejected() {
        assertError(() -> readProvisioned("table.read", Map.of("min", 2.5, "max", 10)),
                "stages.dev.billing.table.read.min: 2.5 is not allowed");
    }

    @Test
    void capacityGivenAsJsonTextIsRejected() {
        assertError(() -> readProvisioned("table.read", Map.of("min", "5", "max", 10)),
                "stages.dev.billing.table.read.min: \"5\" is not allowed");
    }

    @Test
    void unknownKeyBesideReadAndWriteIsRejected() {
        assertError(() -> readProvisioned("index", Map.of("read", range(5, 10), "write", range(5, 10), "throughput", 5)),
                "stages.dev.billing.index.throughput is not a known setting", "[read, write]");
    }

    @Test
    void missingIndexIsRejected() {
        Map<String, Object> billing = provisioned();
        billing.remove("index");
        assertError(() -> read("dev", Map.of("billing", billing)), "stages.dev.billing.index is missing");
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 90})
    void targetAtTheEdgesOfTheAllowedRangeIsAccepted(int percent) {
        assertEquals(percent, readProvisioned("targetUtilizationPercent", percent).targetUtilizationPercent());
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 91})
    void targetOutsideTwentyToNinetyIsRejected(int percent) {
        assertError(() -> readProvisioned("targetUtilizationPercent", percent),
                "stages.dev.billing.targetUtilizationPercent: " + percent + " is not allowed", "a whole number from 20 to 90");
    }

    @Test
    void missingTargetIsRejected() {
        Map<String, Object> billing = provisioned();
        billing.remove("targetUtilizationPercent");
        assertError(() -> read("dev", Map.of("billing", billing)), "stages.dev.billing.targetUtilizationPercent is missing");
    }

    @Test
    void theFormerFlatCapacityKeysAreRejectedNamingTheNewOnes() {
        Map<String, Object> billing = provisioned();
        billing.put("tableReadCapacity", 5);
        assertError(() -> read("dev", Map.of("billing", billing)),
                "stages.dev.billing.tableReadCapacity is not a known setting", "[index, mode, table, targetUtilizationPercent]");
    }

    @Test
    void rangesWithOnDemandAreRejected() {
        assertError(() -> read("dev", Map.of("billing", Map.of("mode", "ON_DEMAND", "table", Map.of()))),
                "stages.dev.billing.table is not a known setting", "[mode]");
    }

    @Test
    void unknownModeIsRejected() {
        assertError(() -> read("dev", Map.of("billing", Map.of("mode", "FREE"))),
                "stages.dev.billing.mode: \"FREE\" is not allowed", "[PROVISIONED, ON_DEMAND]");
    }

    @Test
    void billingMustBeAnObject() {
        assertError(() -> read("dev", Map.of("billing", "PROVISIONED")), "stages.dev.billing: \"PROVISIONED\" is not allowed", "JSON object");
    }

    @Test
    void aMaxFromACommandLineFlagIsReadAsANumber() {
        Map<String, Object> context = new HashMap<>(cast(TestApps.app("dev", Map.of()).getNode().getAllContext()));
        context.put("dev.billing.table.write.max", "40");
        StageConfig config = StageConfigReader.read(new App(AppProps.builder().context(context).build()).getNode());
        assertEquals(new CapacityRange(5, 40), ((TableBilling.Provisioned) config.billing()).table().write());
    }

    /** dev's billing with the value at {@code path} (dotted, under billing) replaced. */
    private static TableBilling.Provisioned readProvisioned(String path, Object value) {
        Map<String, Object> billing = provisioned();
        String[] keys = path.split("\\.");
        Map<String, Object> parent = billing;
        for (int i = 0; i < keys.length - 1; i++) {
            parent = cast(parent.get(keys[i]));
        }
        parent.put(keys[keys.length - 1], value);
        return (TableBilling.Provisioned) read("dev", Map.of("billing", billing)).billing();
    }

    /** A mutable deep copy of a valid provisioned billing object. */
    private static Map<String, Object> provisioned() {
        Map<String, Object> billing = new LinkedHashMap<>();
        billing.put("mode", "PROVISIONED");
        billing.put("table", readWrite());
        billing.put("index", readWrite());
        billing.put("targetUtilizationPercent", 70);
        return billing;
    }

    private static Map<String, Object> readWrite() {
        Map<String, Object> readWrite = new LinkedHashMap<>();
        readWrite.put("read", range(5, 10));
        readWrite.put("write", range(5, 10));
        return readWrite;
    }

    private static Map<String, Object> range(int min, int max) {
        return new LinkedHashMap<>(Map.of("min", min, "max", max));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

}
