package com.cruddur.messaging.stream;

/**
 * What the processor needs of one new message item in the stream.
 *
 * @param groupUuid       conversation of the message
 * @param createdAt       its SPEC §4 timestamp (sort key), which conversation rows move to
 * @param text            its text, which conversation rows show
 * @param senderUuid      who wrote it (the item's user_uuid), whose partition holds a row of the conversation;
 *                        empty when the item has none
 * @param sequenceNumber  stream sequence number, to report this record if its group fails
 */
public record NewMessage(String groupUuid, String createdAt, String text, String senderUuid, String sequenceNumber) {

    /** True if this message is newer than {@code other}; equal times fall back to stream order. */
    boolean isNewerThan(NewMessage other) {
        int byTime = createdAt.compareTo(other.createdAt);
        return byTime != 0 ? byTime > 0 : sequenceNumber.compareTo(other.sequenceNumber) > 0;
    }
}
