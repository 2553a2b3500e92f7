package com.cruddur.messaging.seed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pure: the items of the seed conversation, built with the same item mapping as patterns C and D, so
 * seeded data is exactly what the app writes. Messages are a minute apart, alternate speakers and end
 * at {@code end}; both conversation rows are on the last message, as the stream processor leaves them.
 * Message ids are derived from the group and the line number, so a seed's messages are recognisable
 * among messages users add later.
 */
public final class SeedPlan {

    /** The sample dialogue, one line per message, speakers alternating from the first user. */
    static final List<String> DIALOGUE = List.of(
            "Have you deployed the messaging stack yet?",
            "Just ran cdk deploy. The table came up with the GSI this time.",
            "No more schema drift between the script and production then.",
            "None. Local mode builds the table from the same template.",
            "Did the stream processor pick up my last message?",
            "Both conversation rows moved to it within a second.",
            "The old one only read the first record of each batch.",
            "And it looped on its own writes. The filter stops that now.",
            "What happens when a record is malformed?",
            "It is reported, retried a few times, then parked in the dead-letter queue.",
            "So nothing disappears silently any more.",
            "Exactly. There is an alarm on that queue too.",
            "How do the rows stay unique when the index lags?",
            "The move is one transaction with conditions. A stale plan just retries.",
            "Nice. What about the new year bug?",
            "Conversations are paged with LastEvaluatedKey, not by year.",
            "I remember losing every December conversation on January first.",
            "Not anymore. Timestamps are fixed width, so order is right too.",
            "Six fractional digits and an explicit offset, like the backend writes.",
            "Same format on both sides, so they share the table.",
            "Is the seed data going to duplicate if I redeploy?",
            "No. An update with the same settings writes nothing.",
            "And deleting the stack?",
            "Removes exactly the seeded items and leaves real data alone.");

    private SeedPlan() {
    }

    /** The messages of the seed, oldest first, the last one at {@code end}. */
    public static List<Message> messages(SeedConversation seed, Instant end) {
        List<Message> messages = new ArrayList<>();
        for (int line = 0; line < DIALOGUE.size(); line++) {
            Instant at = end.minus(Duration.ofMinutes(DIALOGUE.size() - 1L - line));
            User speaker = line % 2 == 0 ? seed.first() : seed.second();
            messages.add(new Message(seed.groupUuid(), messageUuid(seed.groupUuid(), line), Timestamps.format(at), DIALOGUE.get(line), speaker));
        }
        return messages;
    }

    /** Every item the seed writes: both conversation rows, then the messages. */
    public static List<Map<String, AttributeValue>> items(SeedConversation seed, Instant end) {
        List<Message> messages = messages(seed, end);
        Message last = messages.get(messages.size() - 1);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(Items.item(new ConversationRow(seed.first().uuid(), seed.groupUuid(), last.createdAt(), last.text(), seed.second())));
        items.add(Items.item(new ConversationRow(seed.second().uuid(), seed.groupUuid(), last.createdAt(), last.text(), seed.first())));
        messages.forEach(message -> items.add(Items.item(message)));
        return items;
    }

    /** The ids of the seed's messages, whenever it was loaded. */
    public static Set<String> messageUuids(String groupUuid) {
        return IntStream.range(0, DIALOGUE.size()).mapToObj(line -> messageUuid(groupUuid, line)).collect(Collectors.toSet());
    }

    private static String messageUuid(String groupUuid, int line) {
        return UUID.nameUUIDFromBytes(("cruddur-seed:" + groupUuid + ":" + line).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
