package com.cruddur.messaging.contract;

/**
 * A conversation row (SPEC §1): one per member, {@code pk = GRP#{ownerUuid}},
 * {@code sk = lastMessageAt}, describing the OTHER member and the latest message.
 *
 * @param ownerUuid      the member whose list this row is in
 * @param groupUuid      the conversation ({@code message_group_uuid}, the GSI partition key)
 * @param lastMessageAt  SPEC §4 timestamp of the newest message, also the sort key
 * @param message        text of the newest message
 * @param other          the other member of the conversation
 */
public record ConversationRow(String ownerUuid, String groupUuid, String lastMessageAt, String message, User other) {

    public ConversationRow {
        Keys.requireUuid("owner user_uuid", ownerUuid);
        Keys.requireUuid("message_group_uuid", groupUuid);
        Timestamps.parse(lastMessageAt);
        MessageText.require(message);
    }
}
