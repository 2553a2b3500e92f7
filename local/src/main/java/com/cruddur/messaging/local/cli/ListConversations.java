package com.cruddur.messaging.local.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.data.Page;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list-conversations", mixinStandardHelpOptions = true,
        description = "Pattern B: a user's conversations, the one with the newest message first; --next for more.")
final class ListConversations implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Mixin
    JsonOption format;

    @Parameters(paramLabel = "USER_UUID", description = "the user's uuid")
    String userUuid;

    @Option(names = "--next", description = "page token printed by the previous page")
    String next;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Keys.requireUuid("USER_UUID", userUuid);
        Page<ConversationRow> page = new MessagesRepository(connection.requireTable(), connection.tableName(), Clock.systemUTC())
                .listConversations(userUuid, PageToken.decode(next));
        Output output = new Output("message_group_uuid", "with", "last_message_at", "message");
        page.items().forEach(row -> output.row(row.groupUuid(), row.other().handle(), row.lastMessageAt(), row.message()));
        output.print(spec.commandLine().getOut(), format.json);
        page.next().ifPresent(key -> spec.commandLine().getErr().println("more conversations: --next " + PageToken.encode(key)));
        return 0;
    }
}
