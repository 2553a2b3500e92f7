package com.cruddur.messaging.seed;

import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.network.Network;
import com.cruddur.messaging.stream.StreamProcessorStack;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * {@code Cruddur-<stage>-Seed}: the {@link SeedData} of a stage with {@code seedData}. Deployed after
 * the stream processor, so messages users add to the seeded conversation are processed from the start;
 * the seed itself already leaves both rows on its last message, so it is consistent either way.
 */
public final class SeedDataStack extends Stack {

    private final SeedData seedData;

    public SeedDataStack(Construct scope, StageConfig config, StackProps props, Network network, MessagesTable messagesTable,
                         StreamProcessorStack streamProcessor) {
        super(scope, config.stackName("Seed"), props);
        this.seedData = new SeedData(this, "SeedData", new SeedDataProps(messagesTable, network, config.seedConversation(),
                config.logRetention(), config.backend().database(), config.backend().connectionUrlParameter(), config.natGateways() > 0));
        addStackDependency(streamProcessor, "the stream processor is live before users can add to the seeded conversation");
    }

    public SeedData seedData() {
        return seedData;
    }
}
