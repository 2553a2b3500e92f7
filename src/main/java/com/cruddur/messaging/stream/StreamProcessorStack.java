package com.cruddur.messaging.stream;

import java.util.Map;

import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.config.StageNames;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.network.Network;
import com.cruddur.messaging.references.PublishedVersion;
import com.cruddur.messaging.references.PublishingStack;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** {@code Cruddur-<stage>-StreamProcessor}: the {@link StreamProcessorFunction} of the stage's messages table. */
public final class StreamProcessorStack extends PublishingStack {

    /** Outputs bin/ddb redrive reads: where parked batches are, and what replays them. */
    public static final String FAILED_BATCHES_BUCKET_OUTPUT = "FailedBatchesBucketName";
    public static final String PROCESSOR_ALIAS_OUTPUT = "StreamProcessorAliasArn";

    private final StreamProcessorFunction streamProcessor;

    public StreamProcessorStack(Construct scope, StageConfig config, StackProps props, Network network, MessagesTable messagesTable) {
        super(scope, config.stackName("StreamProcessor"), props, publishedVersion(config));
        this.streamProcessor = new StreamProcessorFunction(this, "StreamProcessor", new StreamProcessorFunctionProps(
                StageNames.streamProcessorFunction(config.name()),
                messagesTable,
                network,
                config.streamProcessor(),
                config.logRetention(),
                config.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY));
        publish(streamProcessor.function().getFunctionName());
        publish(streamProcessor.function().getLogGroup().getLogGroupName());
        publish(streamProcessor.failedBatches().getBucketName());
        CfnOutput.Builder.create(this, FAILED_BATCHES_BUCKET_OUTPUT)
                .description("Where the event source mapping parks batches that failed every retry (bin/ddb redrive reads it)")
                .value(streamProcessor.failedBatches().getBucketName())
                .build();
        CfnOutput.Builder.create(this, PROCESSOR_ALIAS_OUTPUT)
                .description("The alias the event source mapping invokes (bin/ddb redrive replays parked batches through it)")
                .value(streamProcessor.alias().getFunctionArn())
                .build();
    }

    /** The function's name, its log group and the failed-batches bucket the dashboard reads: new ones in another environment or under another name. */
    static PublishedVersion publishedVersion(StageConfig config) {
        return new PublishedVersion(Map.of(
                "environment", config.environmentName(),
                "function", StageNames.streamProcessorFunction(config.name())));
    }

    public StreamProcessorFunction streamProcessor() {
        return streamProcessor;
    }
}
