package com.cruddur.messaging.local.preflight;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.cruddur.messaging.local.Clients;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The read-only questions preflight asks AWS, with the operator's credentials, each answered as the plain facts a check
 * takes. "Not found" is an answer (an empty Optional), never an error; access denied and other failures are errors.
 */
final class AwsAnswers implements AutoCloseable {

    private final SdkHttpClient http;
    private final Region region;
    private final Optional<URI> endpoint;
    private final StsClient sts;
    private final CloudFormationClient cloudFormation;
    private final SsmClient ssm;
    private final DynamoDbClient dynamoDb;
    private final LambdaClient lambda;
    private final CloudWatchLogsClient logs;
    private final CognitoIdentityProviderClient cognito;
    private final EcsClient ecs;
    private final EcrClient ecr;
    private final ImagePlatforms images;

    AwsAnswers(SdkHttpClient http, Region region, Optional<URI> endpoint) {
        this.http = http;
        this.region = region;
        this.endpoint = endpoint;
        this.sts = configure(StsClient.builder(), region).build();
        this.cloudFormation = configure(CloudFormationClient.builder(), region).build();
        this.ssm = configure(SsmClient.builder(), region).build();
        this.dynamoDb = configure(DynamoDbClient.builder(), region).build();
        this.lambda = configure(LambdaClient.builder(), region).build();
        this.logs = configure(CloudWatchLogsClient.builder(), region).build();
        this.cognito = configure(CognitoIdentityProviderClient.builder(), region).build();
        this.ecs = configure(EcsClient.builder(), region).build();
        this.ecr = configure(EcrClient.builder(), region).build();
        this.images = new ImagePlatforms(ecr, http);
    }

    String callerAccount() {
        return sts.getCallerIdentity().account();
    }

    /** The {@code BootstrapVersion} output of the CDK bootstrap stack; empty when there is none. */
    Optional<Integer> bootstrapVersion() {
        return stack(BootstrapCheck.STACK).flatMap(outputs -> outputs.stream()
                .filter(output -> BootstrapCheck.VERSION_OUTPUT.equals(output.outputKey())).findFirst())
                .map(output -> Integer.valueOf(output.outputValue()));
    }

    ImageLookup image(ImageRef image) {
        return images.lookup(image);
    }

    /** Whether the image's repository lets a push move a tag; empty when there is no such repository. */
    Optional<TagMutability> tagMutability(ImageRef image) {
        try {
            Repository repository = ecr.describeRepositories(b -> b.registryId(image.registryId()).repositoryNames(image.repository()))
                    .repositories().get(0);
            // ECR's default, should an answer leave the setting out.
            String setting = Objects.requireNonNullElse(repository.imageTagMutabilityAsString(), TagMutability.MUTABLE);
            return Optional.of(new TagMutability(setting,
                    repository.imageTagMutabilityExclusionFilters().stream().map(ImageTagMutabilityExclusionFilter::filter).toList()));
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        }
    }

    Optional<ParameterFacts> parameter(String name) {
        return ssm.describeParameters(b -> b.parameterFilters(ParameterStringFilter.builder().key("Name").option("Equals").values(name).build()))
                .parameters().stream().findFirst().map(parameter -> new ParameterFacts(parameter.typeAsString(), parameter.keyId()));
    }

    /** The decrypted value of a parameter (read-only: GetParameter); empty when it does not exist. */
    Optional<String> parameterValue(String name) {
        try {
            return Optional.of(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The certificate as ACM describes it, asked in the certificate's own region; empty when ACM does not know it. */
    Optional<CertificateFacts> certificate(String arn) {
        String[] fields = arn.split(":");
        Region certificateRegion = fields.length > 3 && !fields[3].isEmpty() ? Region.of(fields[3]) : region;
        try (AcmClient acm = configure(AcmClient.builder(), certificateRegion).build()) {
            CertificateDetail detail = acm.describeCertificate(b -> b.certificateArn(arn)).certificate();
            return Optional.of(new CertificateFacts(detail.statusAsString(), detail.domainName(), detail.subjectAlternativeNames()));
        } catch (software.amazon.awssdk.services.acm.model.ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The sender's identity as SES describes it in the sender's region; empty when SES does not know it. */
    Optional<SesFacts.Identity> sesIdentity(EmailIdentityCheck.Sender sender) {
        try (SesV2Client ses = configure(SesV2Client.builder(), Region.of(sender.region())).build()) {
            GetEmailIdentityResponse identity = ses.getEmailIdentity(b -> b.emailIdentity(sender.identity()));
            return Optional.of(new SesFacts.Identity(Boolean.TRUE.equals(identity.verifiedForSendingStatus()), identity.verificationStatusAsString()));
        } catch (software.amazon.awssdk.services.sesv2.model.NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The SES account of {@code region}: out of the sandbox, sending enabled, its daily quota. */
    SesFacts.Account sesAccount(String region) {
        try (SesV2Client ses = configure(SesV2Client.builder(), Region.of(region)).build()) {
            GetAccountResponse account = ses.getAccount(b -> { });
            return new SesFacts.Account(Boolean.TRUE.equals(account.productionAccessEnabled()), Boolean.TRUE.equals(account.sendingEnabled()),
                    account.sendQuota() == null ? 0 : account.sendQuota().max24HourSend());
        }
    }

    /** What the owning service calls the resource holding {@code name} (the pool id for a user pool, else the name); empty when nothing does. */
    Optional<String> existing(FixedName name) {
        String value = name.name();
        return switch (name.kind()) {
            case TABLE -> table(value).map(table -> value);
            case FUNCTION -> {
                try {
                    lambda.getFunctionConfiguration(b -> b.functionName(value));
                    yield Optional.of(value);
                } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
                    yield Optional.empty();
                }
            }
            case LOG_GROUP -> logs.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(value)).logGroups().stream()
                    .filter(group -> value.equals(group.logGroupName())).findFirst().map(group -> value);
            case USER_POOL -> cognito.listUserPoolsPaginator(b -> b.maxResults(60)).userPools().stream()
                    .filter(pool -> value.equals(pool.name())).findFirst().map(pool -> pool.id());
            case PARAMETER -> parameter(value).map(parameter -> value);
            // A deleted cluster stays listed as INACTIVE for a while; its name is free again.
            case CLUSTER -> ecs.describeClusters(b -> b.clusters(value)).clusters().stream()
                    .filter(cluster -> "ACTIVE".equals(cluster.status())).findFirst().map(cluster -> value);
        };
    }

    /** The physical id {@code stack} holds for {@code logicalId}; empty when the stack or the resource is not deployed. */
    Optional<String> physicalId(String stack, String logicalId) {
        try {
            return Optional.ofNullable(cloudFormation.describeStackResource(b -> b.stackName(stack).logicalResourceId(logicalId))
                    .stackResourceDetail().physicalResourceId());
        } catch (CloudFormationException e) {
            if (notDeployed(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A DynamoDB table as preflight needs it: its description, and its latest stream, if it has one. */
    record Table(TableDescription description) {
        Optional<String> latestStreamArn() {
            return Optional.ofNullable(description.latestStreamArn());
        }
    }

    /** The table, empty when there is none. */
    Optional<Table> table(String name) {
        try {
            return Optional.of(new Table(dynamoDb.describeTable(b -> b.tableName(name)).table()));
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    List<StreamMappingCheck.Mapping> mappings(String streamArn) {
        List<StreamMappingCheck.Mapping> mappings = new ArrayList<>();
        lambda.listEventSourceMappingsPaginator(b -> b.eventSourceArn(streamArn)).eventSourceMappings()
                .forEach(mapping -> mappings.add(new StreamMappingCheck.Mapping(mapping.uuid(), mapping.functionArn())));
        return mappings;
    }

    private Optional<List<Output>> stack(String name) {
        try {
            return cloudFormation.describeStacks(b -> b.stackName(name)).stacks().stream().findFirst().map(stack -> stack.outputs());
        } catch (CloudFormationException e) {
            if (notDeployed(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** CloudFormation answers a missing stack or resource with a ValidationError ("... does not exist"). */
    private static boolean notDeployed(CloudFormationException e) {
        return "ValidationError".equals(e.awsErrorDetails().errorCode()) && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist");
    }

    private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder, Region in) {
        return Clients.inAws(builder, http, in, endpoint);
    }

    @Override
    public void close() {
        sts.close();
        cloudFormation.close();
        ssm.close();
        dynamoDb.close();
        lambda.close();
        logs.close();
        cognito.close();
        ecs.close();
        ecr.close();
    }
}
