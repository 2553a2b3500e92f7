package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.messaging.stream.ConversationRefresher.Cancellation;
import com.cruddur.messaging.support.FailFirst;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** What a cancelled transaction's reasons call for (one reason per item of the transaction). */
class CancellationTest {

    @ParameterizedTest
    @CsvSource({
        "None;ConditionalCheckFailed,            STALE",
        "ConditionalCheckFailed;TransactionConflict, STALE",
        "ThrottlingError;None,                   TRANSIENT",
        "None;ProvisionedThroughputExceeded,     TRANSIENT",
        "TransactionConflict;None,               TRANSIENT",
        "ValidationError;None,                   INVALID",
        "ConditionalCheckFailed;ValidationError, INVALID",
        "ItemCollectionSizeLimitExceeded,        INVALID"
    })
    void reasonsDecideBetweenReplanningWaitingAndFailing(String codes, Cancellation expected) {
        TransactionCanceledException cancelled = (TransactionCanceledException) FailFirst.cancelled(codes.split(";")).get();

        assertEquals(expected, ConversationRefresher.classify(cancelled));
    }
}
