package com.cruddur.messaging.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.cruddur.messaging.access.InlinePolicies;
import com.cruddur.messaging.config.SeedSettings;
import com.cruddur.messaging.function.JavaFunction;
import com.cruddur.messaging.function.JavaFunctionProps;
import com.cruddur.messaging.function.JavaFunctionProps.VpcPlacement;
import com.cruddur.messaging.function.PostgresAccess;

import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.constructs.Construct;

/**
 * Seed data of SPEC §5: a custom resource (CDK Provider framework, Java {@code onEvent} handler
 * {@value #HANDLER}) that loads the sample conversation into the messages table at deploy time,
 * replaces it when its settings change and removes exactly it when the resource is deleted.
 *
 * <p>The loader runs in the workload subnets with DynamoDB-only egress and may only batch-write and
 * query the table. The provider's own function stays outside the VPC: it must reach CloudFormation's
 * pre-signed response URL, which isolated subnets cannot.
 */
public final class SeedData extends Construct {

    /** The seed resource's type; lambda/'s seed.SeedResource names the same contract (SynthesizedContractTest). */
    public static final String RESOURCE_TYPE = "Custom::CruddurSeedConversation";
    public static final String HANDLER = "com.cruddur.messaging.seed.SeedHandler::handleRequest";

    private final Function loader;
    private final CustomResource resource;

    public SeedData(Construct scope, String id, SeedDataProps props) {
        super(scope, id);
        boolean readsPostgres = props.conversation().readsUsersFromPostgres();
        // Users given by handle are read from Postgres: the loader then needs SSM and the database, which isolated
        // subnets reach neither of, so without a NAT gateway it runs outside the VPC (DynamoDB over its public endpoint).
        boolean inVpc = !readsPostgres || props.natGateway();
        Optional<VpcPlacement> vpc = inVpc ? Optional.of(new VpcPlacement(props.network(), loaderSecurityGroup(props, readsPostgres)))
                : Optional.empty();
        this.loader = new JavaFunction(this, JavaFunction.ID, JavaFunctionProps.builder()
                .functionId("Loader") // the id it was deployed with, so its logical id stays
                .description("Loads, replaces and removes the sample conversation")
                .handler(HANDLER)
                .memorySize(512)
                .timeout(Duration.minutes(2))
                .logs(props.logRetention(), RemovalPolicy.DESTROY)
                .role("cruddur seed loader: write and remove the sample conversation", "SeedLoader",
                        logs -> loaderStatements(props, readsPostgres, logs))
                .table(props.messagesTable().table())
                .vpc(vpc)
                .build()).function();

        LogGroup providerLogs = LogGroup.Builder.create(this, "ProviderLogs")
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Provider provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(loader)
                .logGroup(providerLogs)
                // Our own role instead of the framework's default (AWSLambdaBasicExecutionRole, which writes any log group);
                // without policy updates, so the framework's own grants cannot widen it past the statements below.
                .frameworkOnEventRole(providerFrameworkRole(providerLogs, loader).withoutPolicyUpdates())
                .build();

        this.resource = CustomResource.Builder.create(this, "Conversation")
                .serviceToken(provider.getServiceToken())
                .resourceType(RESOURCE_TYPE)
                .properties(properties(props))
                .build();
    }

    /** Load and remove the seed, write its own logs; for users given by handle also read CONNECTION_URL. */
    private List<PolicyStatement> loaderStatements(SeedDataProps props, boolean readsPostgres, ILogGroup logs) {
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                InlinePolicies.statement("LoadAndRemoveSeed", List.of("dynamodb:BatchWriteItem", "dynamodb:Query"),
                        List.of(props.messagesTable().table().getTableArn())),
                InlinePolicies.writeOwnLogs(logs)));
        if (readsPostgres) {
            statements.add(PostgresAccess.readConnectionUrl(this, props.connectionUrlParameter()));
        }
        return statements;
    }

    /** HTTPS to DynamoDB through the gateway endpoint; for users given by handle also SSM (through NAT) and the database. */
    private SecurityGroup loaderSecurityGroup(SeedDataProps props, boolean readsPostgres) {
        SecurityGroup securityGroup = props.network().dynamoDbOnlySecurityGroup(this, "SecurityGroup",
                "cruddur seed loader: HTTPS to DynamoDB only, through the gateway endpoint");
        if (readsPostgres) {
            PostgresAccess.allowFrom(this, securityGroup, props.database(), "the seed loader");
        }
        return securityGroup;
    }

    public Function loader() {
        return loader;
    }

    public CustomResource resource() {
        return resource;
    }

    /** What the handler reads (lambda/'s seed.SeedResource names them; SynthesizedContractTest checks); sorted so the template is stable. */
    private static Map<String, Object> properties(SeedDataProps props) {
        SeedSettings conversation = props.conversation();
        Map<String, Object> properties = new TreeMap<>();
        properties.put("TableName", props.messagesTable().table().getTableName());
        properties.put("MessageGroupUuid", conversation.messageGroupUuid());
        user(properties, "First", conversation.firstUser());
        user(properties, "Second", conversation.secondUser());
        if (conversation.readsUsersFromPostgres()) {
            properties.put("ConnectionUrlParameter", props.connectionUrlParameter());
        }
        return properties;
    }

    /** A user given by handle alone carries only the handle: the handler reads uuid and display name from Postgres. */
    private static void user(Map<String, Object> properties, String which, SeedSettings.SeedUser user) {
        user.uuid().ifPresent(uuid -> properties.put(which + "UserUuid", uuid));
        user.displayName().ifPresent(name -> properties.put(which + "UserDisplayName", name));
        properties.put(which + "UserHandle", user.handle());
    }

    /**
     * The Provider framework's onEvent function (CDK's code, not ours) invokes the loader by its unqualified ARN (the
     * USER_ON_EVENT_FUNCTION_ARN it is given) and, when that invoke fails because the loader is not active yet, waits for
     * it with the SDK's waitUntilFunctionActiveV2, which calls GetFunction on the same ARN. Beyond that it only writes
     * its own log group and answers CloudFormation's pre-signed URL, which needs no permission.
     */
    private Role providerFrameworkRole(LogGroup providerLogs, Function loader) {
        return Role.Builder.create(this, "ProviderRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("cruddur seed provider framework: invoke the seed loader, write its own logs")
                .inlinePolicies(Map.of("ProviderFramework", PolicyDocument.Builder.create().statements(List.of(
                        InlinePolicies.writeOwnLogs(providerLogs),
                        InlinePolicies.statement("InvokeLoader", List.of("lambda:InvokeFunction", "lambda:GetFunction"),
                                List.of(loader.getFunctionArn())))).build()))
                .build();
    }
}
