package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import com.cruddur.messaging.stream.RowWriteFailure.Kind;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the error codes of a phase's statements call for (one code per statement; "ok" for one that went through). */
class CancellationTest {

    @ParameterizedTest
    @CsvSource({
        "ok;ConditionalCheckFailed,              STALE",
        "ConditionalCheckFailed;TransactionConflict, TRANSIENT",
        "ThrottlingError;ok,                     TRANSIENT",
        "ok;ProvisionedThroughputExceeded,       TRANSIENT",
        "RequestLimitExceeded,                   TRANSIENT",
        "InternalServerError;ok,                 TRANSIENT",
        "ValidationError;ok,                     INVALID",
        "ConditionalCheckFailed;ValidationError, INVALID",
        "ItemCollectionSizeLimitExceeded,        INVALID",
        "AccessDenied,                           INVALID"
    })
    void codesDecideBetweenReplanningWaitingAndFailing(String codes, Kind expected) {
        List<String> perStatement = Arrays.stream(codes.split(";")).map(code -> "ok".equals(code) ? null : code).toList();

        assertEquals(expected, RowWriteFailure.classify(perStatement));
    }
}
