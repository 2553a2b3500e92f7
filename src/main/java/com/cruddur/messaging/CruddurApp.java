package com.cruddur.messaging;

import com.cruddur.messaging.alarms.AlarmsNotify;
import com.cruddur.messaging.auth.AuthStack;
import com.cruddur.messaging.backend.BackendStack;
import com.cruddur.messaging.config.InvalidStageConfigException;
import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.config.StageConfigReader;
import com.cruddur.messaging.data.DataStack;
import com.cruddur.messaging.network.NetworkStack;
import com.cruddur.messaging.operations.OperationsStack;
import com.cruddur.messaging.seed.SeedDataStack;
import com.cruddur.messaging.stream.StreamProcessorStack;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Validations;

/**
 * The CDK app: one stage per synth, selected with {@code -c stage=NAME} from the stages in
 * {@code cdk.json}. Every synth runs the cdk-nag AwsSolutions pack and fails on any finding that is
 * not acknowledged with a reason.
 */
public final class CruddurApp {

    /** The stacks of one stage, for callers (tests, later stacks) that need them by type. */
    public record StageStacks(StageConfig config, NetworkStack network, DataStack data, StreamProcessorStack streamProcessor,
                              Optional<SeedDataStack> seed, AuthStack auth, BackendStack backend,
                              OperationsStack operations) {

        /** Every stack of the stage, in deployment order. */
        public List<Stack> all() {
            List<Stack> stacks = new ArrayList<>(List.of(network, data, streamProcessor));
            seed.ifPresent(stacks::add);
            stacks.add(auth);
            stacks.add(backend);
            stacks.add(operations);
            return stacks;
        }
    }

    private CruddurApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        try {
            compose(app);
        } catch (InvalidStageConfigException e) {
            // One readable line instead of a stack trace: the message already names key, value and what is allowed.
            System.err.println("Invalid stage configuration: " + e.getMessage());
            System.exit(2);
        }
        app.synth();
    }

    /** Validates the stage configuration, then builds its stacks in {@code app}. */
    public static StageStacks compose(App app) {
        StageConfig config = StageConfigReader.read(app.getNode());
        StackProps props = StackProps.builder()
                .env(config.environment())
                .terminationProtection(config.holdsRealData())
                .build();

        NetworkStack network = new NetworkStack(app, config, props);
        DataStack data = new DataStack(app, config, props);
        StreamProcessorStack streamProcessor = new StreamProcessorStack(app, config, props,
                network.network(), data.messagesTable());
        Optional<SeedDataStack> seed = config.seedData()
                ? Optional.of(new SeedDataStack(app, config, props, network.network(), data.messagesTable(), streamProcessor))
                : Optional.empty();
        AuthStack auth = new AuthStack(app, config, props, network.network());
        BackendStack backend = new BackendStack(app, config, props, network.network(), data.messagesTable(), auth.auth());
        // Last: the dashboard only reads what the other stacks created.
        OperationsStack operations = new OperationsStack(app, config, props,
                streamProcessor.streamProcessor(), data.messagesTable(), backend.backend(), backend.firewall());

        config.alarmTopicArn().ifPresent(topic -> Aspects.of(app).add(new AlarmsNotify(topic)));
        Tags.of(app).add("app", "cruddur-messaging");
        Tags.of(app).add("stage", config.name());
        Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
        return new StageStacks(config, network, data, streamProcessor, seed, auth, backend, operations);
    }
}
