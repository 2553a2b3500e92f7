package com.cruddur.messaging.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How the benchmark's model of the event source mapping cuts arrivals into batches. */
class EventSourceMappingModelTest {

    @Test
    void withoutAWindowEachPollTakesWhatHasArrived() {
        // polls at 0, 250, 500 ms: the first finds 0 ms, the second 100 and 200 ms, the third 260 ms
        List<int[]> batches = EventSourceMappingModel.batches(ms(0, 100, 200, 260), 100, Duration.ZERO);

        assertEquals(List.of("0-1", "1-3", "3-4"), ranges(batches));
    }

    @Test
    void aWindowGathersUntilItRunsOutCountedFromThePollThatFoundTheFirstRecord() {
        // the poll at 250 ms finds 100 ms and gathers until 1,250 ms; 1,300 ms opens the next batch
        List<int[]> batches = EventSourceMappingModel.batches(ms(100, 600, 1200, 1300), 100, Duration.ofSeconds(1));

        assertEquals(List.of("0-3", "3-4"), ranges(batches));
    }

    @Test
    void aFullBatchIsDeliveredBeforeTheWindowRunsOut() {
        List<int[]> batches = EventSourceMappingModel.batches(ms(0, 0, 0, 10, 20), 2, Duration.ofSeconds(1));

        assertEquals(List.of("0-2", "2-4", "4-5"), ranges(batches));
    }

    private static List<Duration> ms(long... millis) {
        return java.util.Arrays.stream(millis).mapToObj(Duration::ofMillis).toList();
    }

    private static List<String> ranges(List<int[]> batches) {
        return batches.stream().map(range -> range[0] + "-" + range[1]).toList();
    }
}
