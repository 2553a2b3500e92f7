package com.cruddur.messaging.stream;

import java.time.Instant;

/**
 * What the processor needs of one new message item in the stream.
 *
 * @param groupUuid       conversation of the message
 * @param createdAt       its sort key as the writer wrote it (any ISO-8601 form with an offset, SPEC §4)
 * @param at              the instant {@code createdAt} names: what messages and rows are compared by
 * @param text            its text, which conversation rows show
 * @param senderUuid      who wrote it (the item's user_uuid), whose partition holds a row of the conversation;
 *                        empty when the item has none
 * @param sequenceNumber  stream sequence number, to report this record if its group fails
 */
public record NewMessage(String groupUuid, String createdAt, Instant at, String text, String senderUuid, String sequenceNumber) {

    /** True if this message is newer than {@code other} by instant; equal instants fall back to stream order. */
    boolean isNewerThan(NewMessage other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime > 0 : sequenceNumber.compareTo(other.sequenceNumber) > 0;
    }
}
