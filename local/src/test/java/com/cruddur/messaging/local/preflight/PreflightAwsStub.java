package com.cruddur.messaging.local.preflight;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cruddur.messaging.local.support.StubAwsHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One AWS account and region as preflight's SDK clients see it over {@link StubAwsHttp}. By default it is ready for a
 * first deploy of the stage: bootstrapped, the backend image pushed for linux/amd64 to a repository created as the README
 * says (every tag immutable but {@code latest}), CONNECTION_URL a SecureString under
 * the AWS managed key pointing inside the database CIDR, and none of the stage's fixed names taken. A test changes one
 * field to describe the account it is about.
 */
final class PreflightAwsStub implements StubAwsHttp.Responder {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    static final String CONNECTION_PARAMETER = "/cruddur/dev/backend-flask/CONNECTION_URL";
    static final String LAYER_URL = "https://prod-" + REGION + "-starport-layer-bucket.s3." + REGION + ".amazonaws.com/config?X-Amz-Signature=abc";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XML = "text/xml";
    private static final String CONFIG_DIGEST = "sha256:c0ffee";
    static final String IMAGE_DIGEST = "sha256:f50e86786718c1e068e735f750f37fb4ffc09f548d8c12a429d9255eeb1aff10";

    /** The CDKToolkit stack's BootstrapVersion output; null: not bootstrapped. */
    Integer bootstrapVersion = 30;
    /** The repositories in ECR; each holds the image tagged {@code latest}, unless {@link #imageTags} says otherwise. */
    Set<String> repositories = new HashSet<>(Set.of("backend-flask"));
    Set<String> imageTags = new HashSet<>(Set.of("latest"));
    /** Digests the repositories hold an image of (BatchGetImage by imageDigest). */
    Set<String> imageDigests = new HashSet<>(Set.of(IMAGE_DIGEST));
    /** Every repository's imageTagMutability and the filters of its exclusions (DescribeRepositories). */
    String tagMutability = "IMMUTABLE_WITH_EXCLUSION";
    List<String> tagMutabilityExclusions = new ArrayList<>(List.of("latest"));
    /** The manifest ECR returns for the tag; by default a single image whose config blob is {@link #imageConfig}. */
    String imageManifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
            + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + CONFIG_DIGEST + "\",\"size\":1}}";
    String imageConfig = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{}}";
    /** SSM parameters by name: type, KMS key (SecureString only) and value. */
    final Map<String, String[]> parameters = new HashMap<>(Map.of(CONNECTION_PARAMETER,
            new String[] {"SecureString", "alias/aws/ssm", "postgresql://cruddur:s3cret@10.40.1.5:5432/cruddur"}));
    /** ACM certificates by ARN: DescribeCertificate's Certificate object. */
    final Map<String, String> certificates = new HashMap<>();
    /** SES identities (addresses and domains) of every region: GetEmailIdentity's answer by name. */
    final Map<String, String> sesIdentities = new HashMap<>();
    /** SES GetAccount's answer: out of the sandbox, sending enabled, 50,000 emails a day. */
    String sesAccount = "{\"ProductionAccessEnabled\":true,\"SendingEnabled\":true,\"SendQuota\":{\"Max24HourSend\":50000.0,"
            + "\"MaxSendRate\":14.0,\"SentLast24Hours\":0.0}}";
    /** When set, DynamoDB is answered by this DynamoDB Local instead of {@link #tables}: real tables, real descriptions. */
    URI dynamoDbLocal;

    /** DynamoDB tables by name, with their latest stream ARN (null: no stream). */
    final Map<String, String> tables = new HashMap<>();
    final Set<String> functions = new HashSet<>();
    final Set<String> logGroups = new HashSet<>();
    /** Cognito user pools: name by pool id. */
    final Map<String, String> userPools = new LinkedHashMap<>();
    final Set<String> clusters = new HashSet<>();
    /** Physical ids of deployed stack resources, by "stack/logicalId". */
    final Map<String, String> stackResources = new HashMap<>();
    /** Event source mappings: function ARN by UUID, all on the stream of {@link #tables}. */
    final Map<String, String> mappings = new LinkedHashMap<>();

    /** JSON-protocol operations ("AmazonSSM.GetParameter") the operator's credentials may not call. */
    final Set<String> denied = new HashSet<>();

    @Override
    public StubAwsHttp.Answer answer(StubAwsHttp.Call call) {
        if (denied.contains(call.target())) {
            return error("AccessDeniedException", "User: arn:aws:iam::" + ACCOUNT + ":user/operator is not authorized to perform: "
                    + call.target().substring(call.target().indexOf('.') + 1) + " because no identity-based policy allows it");
        }
        if (call.target().isEmpty() && call.body().contains("Action=")) {
            return query(form(call.body()));
        }
        if (call.target().isEmpty()) {
            return rest(call);
        }
        JsonNode request = parse(call.body());
        String operation = call.target().substring(call.target().indexOf('.') + 1);
        return switch (call.target().substring(0, call.target().indexOf('.'))) {
            case "AmazonEC2ContainerRegistry_V20150921" -> ecr(operation, request);
            case "AmazonSSM" -> ssm(operation, request);
            case "CertificateManager" -> acm(request);
            case "DynamoDB_20120810" -> dynamoDbLocal != null ? forwardToDynamoDbLocal(call) : describeTable(request.path("TableName").asText());
            case "Logs_20140328" -> json(Map.of("logGroups", logGroups.stream()
                    .filter(name -> name.startsWith(request.path("logGroupNamePrefix").asText()))
                    .map(name -> Map.of("logGroupName", name)).toList()));
            case "AWSCognitoIdentityProviderService" -> json(Map.of("UserPools", userPools.entrySet().stream()
                    .map(pool -> Map.of("Id", pool.getKey(), "Name", pool.getValue())).toList()));
            case "AmazonEC2ContainerServiceV20141113" -> describeClusters(request);
            default -> error("UnknownOperationException", "not stubbed: " + call.target());
        };
    }

    private StubAwsHttp.Answer query(Map<String, String> form) {
        return switch (form.get("Action")) {
            case "GetCallerIdentity" -> xml("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::" + ACCOUNT + ":user/operator</Arn><UserId>AIDAOPERATOR</UserId><Account>" + ACCOUNT
                    + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
            case "DescribeStacks" -> {
                if (!"CDKToolkit".equals(form.get("StackName")) || bootstrapVersion == null) {
                    yield notExist("Stack with id " + form.get("StackName") + " does not exist");
                }
                yield xml("<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><DescribeStacksResult><Stacks>"
                        + "<member><StackName>CDKToolkit</StackName><StackStatus>UPDATE_COMPLETE</StackStatus><CreationTime>2026-01-01T00:00:00Z"
                        + "</CreationTime><Outputs><member><OutputKey>BucketName</OutputKey><OutputValue>cdk-assets</OutputValue></member>"
                        + "<member><OutputKey>BootstrapVersion</OutputKey><OutputValue>" + bootstrapVersion + "</OutputValue></member>"
                        + "</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                        + "</DescribeStacksResponse>");
            }
            case "DescribeStackResource" -> {
                String physicalId = stackResources.get(form.get("StackName") + "/" + form.get("LogicalResourceId"));
                if (physicalId == null) {
                    yield notExist("Stack '" + form.get("StackName") + "' does not exist");
                }
                yield xml("<DescribeStackResourceResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><DescribeStackResourceResult>"
                        + "<StackResourceDetail><StackName>" + form.get("StackName") + "</StackName><LogicalResourceId>"
                        + form.get("LogicalResourceId") + "</LogicalResourceId><PhysicalResourceId>" + physicalId + "</PhysicalResourceId>"
                        + "<ResourceType>AWS::Anything</ResourceType><LastUpdatedTimestamp>2026-01-01T00:00:00Z</LastUpdatedTimestamp>"
                        + "<ResourceStatus>CREATE_COMPLETE</ResourceStatus></StackResourceDetail></DescribeStackResourceResult>"
                        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStackResourceResponse>");
            }
            default -> new StubAwsHttp.Answer(400, XML, Map.of(), "<ErrorResponse><Error><Code>InvalidAction</Code><Message>not stubbed: "
                    + form.get("Action") + "</Message></Error></ErrorResponse>");
        };
    }

    private StubAwsHttp.Answer rest(StubAwsHttp.Call call) {
        if (call.path().startsWith("/2015-03-31/functions/") && call.path().endsWith("/configuration")) {
            String name = call.path().substring("/2015-03-31/functions/".length(), call.path().lastIndexOf("/configuration"));
            if (!functions.contains(name)) {
                return new StubAwsHttp.Answer(404, "application/json", Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
                        "{\"Type\":\"User\",\"message\":\"Function not found: " + name + "\"}");
            }
            return json(Map.of("FunctionName", name));
        }
        if (call.path().startsWith("/2015-03-31/event-source-mappings")) {
            String source = call.query().getOrDefault("EventSourceArn", List.of("")).get(0);
            List<Map<String, String>> found = new ArrayList<>();
            if (tables.containsValue(source)) {
                mappings.forEach((uuid, function) -> found.add(Map.of("UUID", uuid, "FunctionArn", function, "EventSourceArn", source)));
            }
            return json(Map.of("EventSourceMappings", found));
        }
        if (call.path().startsWith("/v2/email/identities/")) {
            String identity = sesIdentities.get(call.path().substring("/v2/email/identities/".length()));
            return identity != null ? StubAwsHttp.Answer.ok("application/json", identity)
                    : new StubAwsHttp.Answer(404, "application/json", Map.of("x-amzn-ErrorType", "NotFoundException"),
                            "{\"message\":\"Email identity " + call.path().substring("/v2/email/identities/".length()) + " does not exist.\"}");
        }
        if (call.path().equals("/v2/email/account")) {
            return StubAwsHttp.Answer.ok("application/json", sesAccount);
        }
        if (LAYER_URL.startsWith("https://" + call.host() + call.path())) {
            return StubAwsHttp.Answer.ok("application/octet-stream", imageConfig);
        }
        return new StubAwsHttp.Answer(404, "application/json", Map.of(), "{\"message\":\"not stubbed: " + call.method() + " " + call.path() + "\"}");
    }

    private StubAwsHttp.Answer ecr(String operation, JsonNode request) {
        String repository = "DescribeRepositories".equals(operation) ? request.path("repositoryNames").path(0).asText()
                : request.path("repositoryName").asText();
        if (!repositories.contains(repository)) {
            return error("RepositoryNotFoundException", "The repository with name '" + repository + "' does not exist in the registry with id '"
                    + request.path("registryId").asText() + "'");
        }
        if ("GetDownloadUrlForLayer".equals(operation)) {
            return json(Map.of("downloadUrl", LAYER_URL, "layerDigest", request.path("layerDigest").asText()));
        }
        if ("DescribeRepositories".equals(operation)) {
            return json(Map.of("repositories", List.of(Map.of("registryId", ACCOUNT, "repositoryName", repository,
                    "repositoryArn", "arn:aws:ecr:" + REGION + ":" + ACCOUNT + ":repository/" + repository, "imageTagMutability", tagMutability,
                    "imageTagMutabilityExclusionFilters", tagMutabilityExclusions.stream()
                            .map(filter -> Map.of("filterType", "WILDCARD", "filter", filter)).toList()))));
        }
        JsonNode id = request.path("imageIds").path(0);
        String key = id.has("imageDigest") ? "imageDigest" : "imageTag";
        String reference = id.path(key).asText();
        ObjectNode response = JSON.createObjectNode();
        ArrayNode images = response.putArray("images");
        ArrayNode failures = response.putArray("failures");
        if (("imageDigest".equals(key) ? imageDigests : imageTags).contains(reference)) {
            images.addObject().put("registryId", ACCOUNT).put("repositoryName", repository).put("imageManifest", imageManifest)
                    .putObject("imageId").put(key, reference);
        } else {
            failures.addObject().put("failureCode", "ImageNotFound").put("failureReason", "Requested image not found").putObject("imageId")
                    .put(key, reference);
        }
        return StubAwsHttp.Answer.ok("application/x-amz-json-1.1", response.toString());
    }

    private StubAwsHttp.Answer ssm(String operation, JsonNode request) {
        if ("GetParameter".equals(operation)) {
            String[] parameter = parameters.get(request.path("Name").asText());
            return parameter == null ? error("ParameterNotFound", "")
                    : json(Map.of("Parameter", Map.of("Name", request.path("Name").asText(), "Type", parameter[0], "Value", parameter[2])));
        }
        String name = request.path("ParameterFilters").path(0).path("Values").path(0).asText();
        String[] parameter = parameters.get(name);
        List<Map<String, String>> found = new ArrayList<>();
        if (parameter != null) {
            Map<String, String> metadata = new HashMap<>(Map.of("Name", name, "Type", parameter[0]));
            if (parameter[1] != null) {
                metadata.put("KeyId", parameter[1]);
            }
            found.add(metadata);
        }
        return json(Map.of("Parameters", found));
    }

    private StubAwsHttp.Answer acm(JsonNode request) {
        String certificate = certificates.get(request.path("CertificateArn").asText());
        return certificate == null ? error("ResourceNotFoundException", "Could not find certificate " + request.path("CertificateArn").asText())
                : StubAwsHttp.Answer.ok("application/x-amz-json-1.1", "{\"Certificate\":" + certificate + "}");
    }

    /** The call as it was, sent on to DynamoDB Local (which takes any credentials), and its answer as it came. */
    private StubAwsHttp.Answer forwardToDynamoDbLocal(StubAwsHttp.Call call) {
        HttpRequest request = HttpRequest.newBuilder(dynamoDbLocal)
                .header("X-Amz-Target", call.target())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261125/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(call.body()))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new StubAwsHttp.Answer(response.statusCode(), "application/x-amz-json-1.0", Map.of(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private StubAwsHttp.Answer describeTable(String name) {
        if (!tables.containsKey(name)) {
            return error("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
        }
        Map<String, Object> table = new HashMap<>(Map.of("TableName", name, "TableStatus", "ACTIVE"));
        if (tables.get(name) != null) {
            table.put("LatestStreamArn", tables.get(name));
        }
        return json(Map.of("Table", table));
    }

    private StubAwsHttp.Answer describeClusters(JsonNode request) {
        String name = request.path("clusters").path(0).asText();
        return json(Map.of("clusters", clusters.contains(name) ? List.of(Map.of("clusterName", name, "status", "ACTIVE")) : List.of(),
                "failures", clusters.contains(name) ? List.of() : List.of(Map.of("arn", name, "reason", "MISSING"))));
    }

    private static StubAwsHttp.Answer notExist(String message) {
        return new StubAwsHttp.Answer(400, XML, Map.of(), "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>"
                + message + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
    }

    private static StubAwsHttp.Answer xml(String body) {
        return StubAwsHttp.Answer.ok(XML, body);
    }

    private static StubAwsHttp.Answer json(Object body) {
        try {
            return StubAwsHttp.Answer.ok("application/x-amz-json-1.1", JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StubAwsHttp.Answer error(String type, String message) {
        return new StubAwsHttp.Answer(400, "application/x-amz-json-1.1", Map.of(), "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
