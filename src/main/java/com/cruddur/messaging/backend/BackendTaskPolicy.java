package com.cruddur.messaging.backend;

import static com.cruddur.messaging.access.InlinePolicies.statement;

import java.util.ArrayList;
import java.util.List;

import com.cruddur.messaging.access.InlinePolicies;
import com.cruddur.messaging.data.MessagesTable;

import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What backend-flask may do to the messages table (SPEC §5): Query the table and its index (patterns
 * A and B), PutItem (C) and BatchWriteItem (D) on the table. Nothing else: the stream processor, not
 * the backend, moves conversation rows.
 */
final class BackendTaskPolicy {

    private BackendTaskPolicy() {
    }

    static PolicyDocument document(ITable table) {
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                statement("ReadConversations", List.of("dynamodb:Query"),
                        List.of(table.getTableArn(), table.getTableArn() + "/index/" + MessagesTable.MESSAGE_GROUP_INDEX)),
                statement("WriteMessages", List.of("dynamodb:PutItem", "dynamodb:BatchWriteItem"), List.of(table.getTableArn()))));
        InlinePolicies.useTableKey(table).ifPresent(statements::add);
        return PolicyDocument.Builder.create().statements(statements).build();
    }
}
