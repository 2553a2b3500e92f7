package com.cruddur.messaging.data;

import java.util.Map;

import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.references.PublishedVersion;
import com.cruddur.messaging.references.PublishingStack;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * {@code Cruddur-<stage>-Data}: the stateful stack. It holds only the {@link MessagesTable}, so the
 * stateless stacks around it can be replaced or destroyed without touching data.
 */
public final class DataStack extends PublishingStack {

    private final MessagesTable messagesTable;

    public DataStack(Construct scope, StageConfig config, StackProps props) {
        super(scope, config.stackName("Data"), props, publishedVersion(config));
        this.messagesTable = new MessagesTable(this, "Messages", new MessagesTableProps(
                config.tableName(),
                config.billing(),
                config.encryptionKeyArn().map(arn -> Key.fromKeyArn(this, "MessagesKey", arn)),
                config.holdsRealData()));
        new TableThrottleAlarms(this, "Throttles", messagesTable);
        publish(messagesTable.table().getTableName());
        publish(messagesTable.table().getTableArn());
        publish(messagesTable.table().getTableStreamArn());
        CfnOutput.Builder.create(this, "MessagesTableName")
                .description("DDB_MESSAGE_TABLE for backend-flask and the local tools")
                .value(messagesTable.table().getTableName())
                .build();
    }

    /**
     * The table's name and ARN, and its stream's ARN: another name or key schema replaces the table, another stream view
     * replaces the stream, and a stream reader on the old ARN would read nothing.
     */
    static PublishedVersion publishedVersion(StageConfig config) {
        return new PublishedVersion(Map.of(
                "environment", config.environmentName(),
                "tableName", config.tableName(),
                "encryptionKeyArn", config.encryptionKeyArn().orElse("aws-managed"),
                "keySchema", MessagesTable.PARTITION_KEY + "," + MessagesTable.SORT_KEY,
                "streamView", MessagesTable.STREAM_VIEW.name()));
    }

    public MessagesTable messagesTable() {
        return messagesTable;
    }
}
