package com.cruddur.messaging.local.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.cruddur.messaging.contract.Items;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Command(name = "scan", mixinStandardHelpOptions = true, description = "Print every item of the table (pk, sk, and the rest).")
final class Scan implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--limit", defaultValue = "1000", description = "most items to print (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + " is not allowed; expected 1 or more");
        }
        Output output = new Output("pk", "sk", "attributes");
        connection.requireTable().scanPaginator(b -> b.tableName(connection.tableName())).items().stream().limit(limit)
                .forEach(item -> output.row(Items.string(item, Items.PK), Items.string(item, Items.SK), rest(item)));
        output.print(spec.commandLine().getOut(), connection.json);
        if (!connection.json) {
            spec.commandLine().getOut().println(output.size() + " item(s)");
        }
        return 0;
    }

    private static Map<String, String> rest(Map<String, AttributeValue> item) {
        Map<String, String> rest = new TreeMap<>();
        item.forEach((name, value) -> {
            if (!name.equals(Items.PK) && !name.equals(Items.SK)) {
                rest.put(name, value.s() != null ? value.s() : value.toString());
            }
        });
        return rest;
    }
}
