package com.cruddur.messaging.stream;

import java.util.List;

import static com.cruddur.messaging.access.InlinePolicies.statement;

import com.cruddur.messaging.access.InlinePolicies;
import com.cruddur.messaging.data.MessagesTable;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * The stream processor's only permissions, statement by statement: Query on the table and its index, the
 * writes its rows need (SPEC §5 names PutItem and DeleteItem for an atomic write; the rows now move with
 * PartiQL INSERT, UPDATE and DELETE statements, which IAM authorizes as PartiQLInsert, PartiQLUpdate and
 * PartiQLDelete, and a stale copy of a row is overwritten with PutItem), plus what the stream read, logs and
 * the failed-batches bucket strictly need. {@link com.cruddur.messaging.function.JavaFunction} adds the VPC
 * networking and the use of the table's key.
 */
final class StreamProcessorPolicy {

    private final ITable table;
    private final String tableName;
    private final ILogGroup logs;
    private final IBucket failedBatches;

    StreamProcessorPolicy(MessagesTable messagesTable, ILogGroup logs, IBucket failedBatches) {
        this.table = messagesTable.table();
        this.tableName = messagesTable.tableName();
        this.logs = logs;
        this.failedBatches = failedBatches;
    }

    List<PolicyStatement> statements() {
        return List.of(
                statement("ReadConversationRows", List.of("dynamodb:Query"),
                        List.of(table.getTableArn(), table.getTableArn() + "/index/" + MessagesTable.MESSAGE_GROUP_INDEX)),
                // The rows move with PartiQL statements, two requests a batch of rows; PutItem overwrites a stale copy of a row.
                statement("MoveConversationRows", List.of("dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
                        "dynamodb:PutItem"), List.of(table.getTableArn())),
                statement("ReadTableStream", List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
                        List.of(table.getTableStreamArn())),
                // As in the DynamoDB guide's policy for Lambda stream readers: the table's streams, by ARN pattern.
                statement("ListTableStreams", List.of("dynamodb:ListStreams"), List.of(Stack.of(logs).formatArn(ArnComponents.builder()
                        .service("dynamodb").resource("table").resourceName(tableName + "/stream/*").build()))),
                InlinePolicies.writeOwnLogs(logs),
                // What Lambda's documentation asks of the execution role for an S3 on-failure destination.
                statement("ParkFailedBatches", List.of("s3:PutObject"), List.of(failedBatches.arnForObjects("*"))),
                statement("ListParkedBatches", List.of("s3:ListBucket"), List.of(failedBatches.getBucketArn())));
    }

    /** How cdk-nag renders the ListStreams resource in its finding id, for the acknowledgement. */
    static String tableStreamsPattern(Stack stack, String tableName) {
        return InlinePolicies.findingArn(stack, "dynamodb", "table/" + tableName + "/stream/*");
    }
}
