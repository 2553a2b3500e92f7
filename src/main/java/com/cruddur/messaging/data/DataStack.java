package com.cruddur.messaging.data;

import com.cruddur.messaging.config.StageConfig;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * {@code Cruddur-<stage>-Data}: the stateful stack. It holds only the {@link MessagesTable}, so the
 * stateless stacks around it can be replaced or destroyed without touching data.
 */
public final class DataStack extends Stack {

    private final MessagesTable messagesTable;

    public DataStack(Construct scope, StageConfig config, StackProps props) {
        super(scope, config.stackName("Data"), props);
        this.messagesTable = new MessagesTable(this, "Messages", new MessagesTableProps(
                config.tableName(),
                config.billing(),
                config.encryptionKeyArn().map(arn -> Key.fromKeyArn(this, "MessagesKey", arn)),
                config.holdsRealData()));
        new TableThrottleAlarms(this, "Throttles", messagesTable);
        CfnOutput.Builder.create(this, "MessagesTableName")
                .description("DDB_MESSAGE_TABLE for backend-flask and the local tools")
                .value(messagesTable.table().getTableName())
                .build();
    }

    public MessagesTable messagesTable() {
        return messagesTable;
    }
}
