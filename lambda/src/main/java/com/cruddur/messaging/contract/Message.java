package com.cruddur.messaging.contract;

/**
 * A message item (SPEC §1): {@code pk = MSG#{groupUuid}}, {@code sk = createdAt}. It has no
 * {@code message_group_uuid} attribute, which keeps messages out of the sparse GSI.
 *
 * @param groupUuid    the conversation
 * @param messageUuid  the message's own id
 * @param createdAt    SPEC §4 timestamp, also the sort key
 * @param text         1 to 1024 characters
 * @param sender       who wrote it
 */
public record Message(String groupUuid, String messageUuid, String createdAt, String text, User sender) {

    public Message {
        Keys.requireUuid("message_group_uuid", groupUuid);
        Keys.requireUuid("message_uuid", messageUuid);
        Timestamps.parse(createdAt);
        MessageText.require(text);
    }
}
