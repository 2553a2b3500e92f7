package com.cruddur.messaging.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A PartiQL write statement with positional parameters, read into what it does to one item, so {@link CapacityMeter} can
 * bill it as the single-item operation it performs (DynamoDB Local reports no consumed capacity for PartiQL at all). Only
 * the shapes below are understood; anything else is refused, never guessed:
 * <ul>
 *   <li>{@code INSERT INTO "table" VALUE {'a': ?, 'b': ?}}: a put that succeeds only where the key is free;</li>
 *   <li>{@code UPDATE "table" SET a = ?, b = ? WHERE k = ? AND ...}: an update of the item at the key in the WHERE;</li>
 *   <li>{@code DELETE FROM "table" WHERE k = ? AND ... [RETURNING ...]}: a delete of the item at the key in the WHERE.</li>
 * </ul>
 *
 * @param values the inserted item (INSERT) or the attributes set (UPDATE); empty for DELETE
 * @param where  every {@code name = ?} of the WHERE clause (the key and any condition)
 */
record PartiqlWrite(Kind kind, String table, Map<String, AttributeValue> values, Map<String, AttributeValue> where) {

    enum Kind { INSERT, UPDATE, DELETE }

    private static final Pattern INSERT = Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+\"((?:[^\"]|\"\")+)\"\\s+VALUE\\s+\\{(.*)\\}\\s*$");
    private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*UPDATE\\s+\"((?:[^\"]|\"\")+)\"\\s+SET\\s+(.+?)\\s+WHERE\\s+(.+?)\\s*$");
    private static final Pattern DELETE = Pattern.compile("(?is)^\\s*DELETE\\s+FROM\\s+\"((?:[^\"]|\"\")+)\"\\s+WHERE\\s+(.+?)(?:\\s+RETURNING\\s+.*)?\\s*$");
    private static final Pattern FIELD = Pattern.compile("(?s)^\\s*'((?:[^']|'')+)'\\s*:\\s*\\?\\s*$");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?s)^\\s*\"?([A-Za-z0-9_.-]+)\"?\\s*=\\s*\\?\\s*$");

    /** The statement read with its parameters, or empty if it is not one of the understood shapes. */
    static Optional<PartiqlWrite> parse(String statement, List<AttributeValue> parameters) {
        List<AttributeValue> remaining = new ArrayList<>(parameters == null ? List.of() : parameters);
        Matcher insert = INSERT.matcher(statement);
        if (insert.matches()) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            for (String field : insert.group(2).split(",")) {
                Matcher name = FIELD.matcher(field);
                if (!name.matches() || remaining.isEmpty()) {
                    return Optional.empty();
                }
                item.put(name.group(1).replace("''", "'"), remaining.remove(0));
            }
            return remaining.isEmpty() ? Optional.of(new PartiqlWrite(Kind.INSERT, table(insert.group(1)), item, Map.of())) : Optional.empty();
        }
        Matcher update = UPDATE.matcher(statement);
        if (update.matches()) {
            Optional<Map<String, AttributeValue>> set = assignments(update.group(2).split(","), remaining);
            Optional<Map<String, AttributeValue>> where = assignments(update.group(3).split("(?i)\\s+AND\\s+"), remaining);
            return set.isPresent() && where.isPresent() && remaining.isEmpty()
                    ? Optional.of(new PartiqlWrite(Kind.UPDATE, table(update.group(1)), set.get(), where.get())) : Optional.empty();
        }
        Matcher delete = DELETE.matcher(statement);
        if (delete.matches()) {
            Optional<Map<String, AttributeValue>> where = assignments(delete.group(2).split("(?i)\\s+AND\\s+"), remaining);
            return where.isPresent() && remaining.isEmpty()
                    ? Optional.of(new PartiqlWrite(Kind.DELETE, table(delete.group(1)), Map.of(), where.get())) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The item's key: from the inserted item, or from the WHERE clause. */
    Map<String, AttributeValue> key(String partitionKey, String sortKey) {
        Map<String, AttributeValue> source = kind == Kind.INSERT ? values : where;
        return Map.of(partitionKey, source.get(partitionKey), sortKey, source.get(sortKey));
    }

    private static Optional<Map<String, AttributeValue>> assignments(String[] parts, List<AttributeValue> remaining) {
        Map<String, AttributeValue> assigned = new LinkedHashMap<>();
        for (String part : parts) {
            Matcher assignment = ASSIGNMENT.matcher(part);
            if (!assignment.matches() || remaining.isEmpty()) {
                return Optional.empty();
            }
            assigned.put(assignment.group(1), remaining.remove(0));
        }
        return Optional.of(assigned);
    }

    private static String table(String quoted) {
        return quoted.replace("\"\"", "\"");
    }
}
