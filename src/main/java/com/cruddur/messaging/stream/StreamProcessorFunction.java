package com.cruddur.messaging.stream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.S3OnFailureDestination;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketMetrics;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import com.cruddur.messaging.alarms.StageAlarm;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.function.JavaFunction;
import com.cruddur.messaging.function.JavaFunctionProps;
import com.cruddur.messaging.function.JavaFunctionProps.VpcPlacement;

/**
 * The stream processor of SPEC §3/§5 ({@code cruddur-<stage>-messaging-stream}): a Java Lambda on arm64 in the
 * workload subnets, fed by the messages table's stream through an event source mapping on its
 * {@value JavaFunction#LIVE_ALIAS} alias (SnapStart needs a published version). Named apart from the handler it deploys
 * ({@value #HANDLER}, in lambda/), so that each fully-qualified name means one class.
 *
 * <p>The mapping filters for message inserts, edits and deletions ({@code pk} beginning {@code MSG#}), so
 * the processor's own conversation-row writes never invoke it; it reports batch item failures, bisects
 * failing batches, retries a bounded number of times and then parks the batch with its full records in an
 * encrypted, TLS-only, private S3 bucket. Alarms watch what is parked there, the iterator age and errors.
 *
 * <p>The function is a {@link JavaFunction}: its role has one inline policy and nothing else, so what it may do is
 * exactly {@link StreamProcessorPolicy} (and the VPC attachment JavaFunction adds), asserted by the tests.
 */
public final class StreamProcessorFunction extends Construct {

    public static final String HANDLER = "com.cruddur.messaging.stream.StreamProcessor::handleRequest";
    /** Iterator age above this means records wait too long before conversation rows move. */
    static final Duration ITERATOR_AGE_ALARM = Duration.minutes(5);

    /** The bucket's request-metrics configuration: its PutRequests count the parked batches. */
    public static final String PARKED_METRICS = "parked-batches";

    private final Function function;
    private final Alias alias;
    private final Bucket failedBatches;

    public StreamProcessorFunction(Construct scope, String id, StreamProcessorFunctionProps props) {
        super(scope, id);
        // The on-failure destination keeps each failed batch with its full records (an SQS or SNS destination would
        // keep only the shard and sequence range, worthless once the stream's 24 hours have passed).
        this.failedBatches = Bucket.Builder.create(this, "FailedBatches")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(props.stream().parkedBatchRetentionDays())).build()))
                .metrics(List.of(BucketMetrics.builder().id(PARKED_METRICS).build()))
                .removalPolicy(props.removalPolicy())
                .build();
        Validations.of(failedBatches).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-S1")
                .reason("Only the event source mapping writes here (the function role's s3:PutObject) and operators read what it"
                        + " parked; every write is counted by the bucket's request metrics, whose alarm notifies. Access logs"
                        + " would need a second bucket with the same exemption.")
                .build());

        SecurityGroup securityGroup = props.network().dynamoDbOnlySecurityGroup(this, "SecurityGroup",
                "cruddur-messaging-stream: HTTPS to DynamoDB only, through the gateway endpoint");
        JavaFunction processor = new JavaFunction(this, JavaFunction.ID, JavaFunctionProps.builder()
                .functionName(props.functionName())
                .description("Pattern E: keeps both members' conversation rows on the newest message")
                .handler(HANDLER)
                .memorySize(1024)
                .timeout(Duration.seconds(30))
                .environment(Map.of("DDB_MESSAGE_TABLE", props.messagesTable().table().getTableName()))
                .logs(props.logRetention(), props.removalPolicy())
                .role("cruddur-messaging-stream: move conversation rows, read the table stream, write logs, park failures", "StreamProcessor",
                        logs -> new StreamProcessorPolicy(props.messagesTable(), logs, failedBatches).statements())
                .table(props.messagesTable().table())
                .vpc(Optional.of(new VpcPlacement(props.network(), securityGroup)))
                .snapStart()
                .build());
        this.function = processor.function();
        this.alias = processor.alias().orElseThrow();
        Validations.of(processor.role()).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::<" + Stack.of(this).resolve(Stack.of(this).getLogicalId(
                        (CfnElement) failedBatches.getNode().getDefaultChild())) + ".Arn>/*]")
                .reason("s3:PutObject on the objects of the failed-batches bucket only: Lambda names each parked batch's object"
                        + " itself, so no narrower key exists.")
                .build());
        Validations.of(processor.role()).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::" + StreamProcessorPolicy.tableStreamsPattern(Stack.of(this), props.messagesTable().tableName()) + "]")
                .reason("dynamodb:ListStreams only, on the streams of this one table, as the DynamoDB guide's policy for Lambda"
                        + " stream readers has it; the read actions are on the exact stream ARN.")
                .build());

        EventSourceMapping.Builder.create(this, "TableStream")
                .target(alias)
                .eventSourceArn(props.messagesTable().table().getTableStreamArn())
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(props.stream().batchSize())
                .maxBatchingWindow(Duration.seconds(props.stream().batchingWindowSeconds()))
                .retryAttempts(props.stream().retryAttempts())
                .maxRecordAge(Duration.seconds(props.stream().maxRecordAgeSeconds()))
                .bisectBatchOnError(true)
                .reportBatchItemFailures(true)
                .onFailure(new S3OnFailureDestination(failedBatches))
                .filters(List.of(FilterCriteria.filter(messageInsertsAndEdits()), FilterCriteria.filter(messageDeletions())))
                .build();

        alarms();
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    /** Where batches that exhausted their retries are parked, each as one object holding its full records. */
    public Bucket failedBatches() {
        return failedBatches;
    }

    /** INSERT or MODIFY of an item whose pk begins with MSG#. Sorted maps keep the synthesized JSON stable. */
    private static Map<String, Object> messageInsertsAndEdits() {
        Map<String, Object> pattern = new TreeMap<>();
        pattern.put("eventName", FilterRule.or("INSERT", "MODIFY"));
        pattern.put("dynamodb", Map.of("NewImage", Map.of(MessagesTable.PARTITION_KEY, Map.of("S", FilterRule.beginsWith(MessagesTable.MESSAGES_PARTITION_PREFIX)))));
        return pattern;
    }

    /** REMOVE of an item whose pk begins with MSG#: a NEW_IMAGE stream carries only its keys, so the filter matches those. */
    private static Map<String, Object> messageDeletions() {
        Map<String, Object> pattern = new TreeMap<>();
        pattern.put("eventName", FilterRule.or("REMOVE"));
        pattern.put("dynamodb", Map.of("Keys", Map.of(MessagesTable.PARTITION_KEY, Map.of("S", FilterRule.beginsWith(MessagesTable.MESSAGES_PARTITION_PREFIX)))));
        return pattern;
    }

    private void alarms() {
        StageAlarm.functionHealth(this, function, "The stream processor failed whole invocations (not single records).",
                "Invocations take over 80 % of the 30-second timeout: a slower batch would time out and be retried whole;"
                        + " smaller batches or more memory.");
        StageAlarm.above(this, "FailedBatchParked", "A stream batch failed every retry and was parked with its records in the"
                        + " failed-batches bucket: read it, fix, redrive (README: When records are parked).",
                Metric.Builder.create()
                        .namespace("AWS/S3")
                        .metricName("PutRequests")
                        .dimensionsMap(Map.of("BucketName", failedBatches.getBucketName(), "FilterId", PARKED_METRICS))
                        .statistic("Sum")
                        .period(Duration.minutes(1))
                        .build(),
                0, 1);
        StageAlarm.above(this, "IteratorAgeHigh", "Stream records wait more than " + ITERATOR_AGE_ALARM.toMinutes()
                        + " minutes: conversation rows lag behind.",
                Metric.Builder.create()
                        .namespace("AWS/Lambda")
                        .metricName("IteratorAge")
                        .dimensionsMap(Map.of("FunctionName", function.getFunctionName()))
                        .statistic("Maximum")
                        .period(Duration.minutes(1))
                        .build(),
                ITERATOR_AGE_ALARM.toMilliseconds(), 5);
    }
}
