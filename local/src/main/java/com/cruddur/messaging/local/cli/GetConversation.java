package com.cruddur.messaging.local.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.data.Page;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "get-conversation", mixinStandardHelpOptions = true,
        description = "Pattern A: the newest 20 messages of a conversation, oldest first; --next for the page before.")
final class GetConversation implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Mixin
    JsonOption format;

    @Parameters(paramLabel = "GROUP_UUID", description = "the conversation's message_group_uuid")
    String groupUuid;

    @Option(names = "--next", description = "page token printed by the previous page")
    String next;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Keys.requireUuid("GROUP_UUID", groupUuid);
        Page<Message> page = new MessagesRepository(connection.requireTable(), connection.tableName(), Clock.systemUTC())
                .listMessages(groupUuid, PageToken.decode(next));
        if (page.items().isEmpty() && next == null) {
            throw new IllegalStateException("conversation " + groupUuid + " has no messages in " + connection.tableName());
        }
        Output output = new Output("created_at", "handle", "message");
        page.items().forEach(message -> output.row(message.createdAt(), message.sender().handle(), message.text()));
        output.print(spec.commandLine().getOut(), format.json);
        page.next().ifPresent(key -> spec.commandLine().getErr().println("older messages: --next " + PageToken.encode(key)));
        return 0;
    }
}
