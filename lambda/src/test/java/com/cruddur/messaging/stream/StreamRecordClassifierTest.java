package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.cruddur.messaging.stream.StreamRecordClassifier.Changed;
import com.cruddur.messaging.stream.StreamRecordClassifier.Ignored;
import com.cruddur.messaging.stream.StreamRecordClassifier.Malformed;
import com.cruddur.messaging.stream.StreamRecordClassifier.Relevant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification of the records in events/mixed-batch.json, an event in the exact shape Lambda sends. */
class StreamRecordClassifierTest {

    private static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private final List<DynamodbStreamRecord> records = EventLoader.loadDynamoDbEvent("events/mixed-batch.json").getRecords();

    @Test
    void insertedMessageIsRelevant() {
        Relevant relevant = assertInstanceOf(Relevant.class, StreamRecordClassifier.classify(records.get(0)));
        assertEquals(new NewMessage(GROUP, "2026-11-24T10:57:11.658279+00:00", Instant.parse("2026-11-24T10:57:11.658279Z"),
                        "Hello from the stream", "a1b2c3d4-0000-4000-8000-000000000001", "000000000000000000101"),
                relevant.message());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-24T11:57:11.658279+01:00, 2026-11-24T10:57:11.658279Z",
        "2026-11-24T10:57:11+00:00,        2026-11-24T10:57:11Z",
        "2026-11-24T10:57:11.658Z,         2026-11-24T10:57:11.658Z",
        "2026-11-24T05:57:11.658279-05:00, 2026-11-24T10:57:11.658279Z"
    })
    void messageWrittenInAnyOffsetFormIsRelevantAtItsInstant(String sortKey, String instant) {
        DynamodbStreamRecord record = EventLoader.loadDynamoDbEvent("events/mixed-batch.json").getRecords().get(0);
        record.getDynamodb().getNewImage().get("sk").setS(sortKey);

        Relevant relevant = assertInstanceOf(Relevant.class, StreamRecordClassifier.classify(record));

        assertEquals(sortKey, relevant.message().createdAt(), "the message's own key, as written");
        assertEquals(Instant.parse(instant), relevant.message().at());
    }

    @Test
    void removeOfAConversationRowIsIgnored() {
        assertInstanceOf(Ignored.class, StreamRecordClassifier.classify(records.get(1)));
    }

    @Test
    void conversationRowIsIgnoredSoTheProcessorsOwnWritesNeverLoop() {
        assertInstanceOf(Ignored.class, StreamRecordClassifier.classify(records.get(2)));
    }

    @Test
    void messageWhoseSortKeyIsNotADateTimeIsMalformedNamingItsKeysEventAndCreationTime() {
        Malformed malformed = assertInstanceOf(Malformed.class, StreamRecordClassifier.classify(records.get(3)));
        assertEquals("000000000000000000104", malformed.sequenceNumber());
        assertTrue(malformed.reason().contains("\"the day before yesterday\""), malformed.reason());
        assertEquals("MSG#" + GROUP, malformed.pk());
        assertEquals("the day before yesterday", malformed.sk());
        assertEquals("INSERT", malformed.eventName());
        assertEquals(Instant.ofEpochSecond(1764000060), malformed.approximateCreation());
    }

    @Test
    void editedMessageIsAChangeOfItsConversation() {
        assertEquals(new Changed(GROUP, "000000000000000000105"), StreamRecordClassifier.classify(records.get(4)));
    }

    @Test
    void deletedMessageIsAChangeOfItsConversationFromItsKeysAlone() {
        DynamodbStreamRecord removed = records.get(0).clone();
        removed.setEventName("REMOVE");
        removed.setDynamodb(records.get(0).getDynamodb().clone().withNewImage(null));

        assertEquals(new Changed(GROUP, "000000000000000000101"), StreamRecordClassifier.classify(removed));
    }

    @Test
    void messageWithoutTextIsMalformed() {
        Malformed malformed = assertInstanceOf(Malformed.class, StreamRecordClassifier.classify(records.get(5)));
        assertEquals("000000000000000000106", malformed.sequenceNumber());
        assertTrue(malformed.reason().contains("message"), malformed.reason());
    }

    @Test
    void recordWithoutNewImageIsMalformed() {
        DynamodbStreamRecord keysOnly = records.get(0).clone();
        keysOnly.setDynamodb(records.get(0).getDynamodb().clone().withNewImage(null));
        assertInstanceOf(Malformed.class, StreamRecordClassifier.classify(keysOnly));
    }

    @Test
    void messageInAPartitionWithABadUuidIsMalformed() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/mixed-batch.json");
        DynamodbStreamRecord record = event.getRecords().get(0);
        record.getDynamodb().getNewImage().get("pk").setS("MSG#NOT-A-UUID");
        Malformed malformed = assertInstanceOf(Malformed.class, StreamRecordClassifier.classify(record));
        assertTrue(malformed.reason().contains("NOT-A-UUID"), malformed.reason());
    }
}
