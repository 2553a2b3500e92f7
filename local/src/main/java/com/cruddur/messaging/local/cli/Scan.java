package com.cruddur.messaging.local.cli;

import java.util.Iterator;
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

    @Mixin
    JsonOption format;

    @Option(names = "--limit", description = "print at most N items and say so when the table has more (default: every item)")
    Integer limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + " is not allowed; expected 1 or more");
        }
        Output output = new Output("pk", "sk", "attributes");
        // The paginator follows LastEvaluatedKey, so a table beyond one 1 MB scan page is printed whole.
        Iterator<Map<String, AttributeValue>> items = connection.requireTable().scanPaginator(b -> b.tableName(connection.tableName()))
                .items().iterator();
        while (items.hasNext() && (limit == null || output.size() < limit)) {
            Map<String, AttributeValue> item = items.next();
            output.row(Items.string(item, Items.PK), Items.string(item, Items.SK), rest(item));
        }
        boolean cut = items.hasNext();
        output.print(spec.commandLine().getOut(), format.json);
        if (!format.json) {
            spec.commandLine().getOut().println(output.size() + " item(s)");
        }
        if (cut) {
            // On stderr, so --json output stays one JSON document.
            spec.commandLine().getErr().println("stopped at --limit " + limit + "; the table has more items");
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
