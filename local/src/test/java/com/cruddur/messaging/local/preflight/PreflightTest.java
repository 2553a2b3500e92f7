package com.cruddur.messaging.local.preflight;

import static com.cruddur.messaging.local.preflight.PreflightAwsStub.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.support.BootcampTable;
import com.cruddur.messaging.local.support.StubAwsHttp;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * bin/preflight against the synthesized dev stage, through the real SDK clients over a stubbed HTTP layer
 * ({@link PreflightAwsStub}: an account ready for a first deploy unless a test says otherwise). The default assembly is
 * dev's with {@code backend.database} {"cidr": "10.40.0.0/16"}, so a ready account passes every check; a test that needs what
 * dev does not have (a fixed environment, HTTPS) edits a copy of dev's assembly.
 */
class PreflightTest {

    private static final String URI = ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/backend-flask:latest";
    private static final String PARAMETER = PreflightAwsStub.CONNECTION_PARAMETER;
    private static final String STREAM = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/cruddur-dev-messages/stream/2026-11-20T10:00:00.000";
    private static final String PROCESSOR_ALIAS = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:cruddur-dev-messaging-stream:live";
    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:" + ACCOUNT + ":certificate/8f2c1e4a-0b6d-4c3e-9f5a-7d8e9f0a1b2c";

    private final PreflightAwsStub aws = new PreflightAwsStub();
    private final StubAwsHttp http = new StubAwsHttp(aws);
    private PreflightAssembly assembly = withDatabaseCidr(PreflightAssembly.copyOfDev());

    private record Run(int exit, List<String> lines, String err) {
        void has(String line, int expectedExit) {
            assertTrue(lines.contains(line), "expected line\n" + line + "\nin\n" + String.join("\n", lines) + "\n" + err);
            assertEquals(expectedExit, exit, String.join("\n", lines) + "\n" + err);
        }
    }

    /** Preflight of stage dev in us-east-1 on the test's assembly. */
    private Run run() {
        return execute("--stage", "dev", "--region", "us-east-1", "--cdk-out", assembly.directory.toString());
    }

    private Run execute(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--aws-endpoint", "https://aws.preflight.test"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine preflight = Preflight.commandLine(http);
        preflight.setOut(new PrintWriter(out, true));
        preflight.setErr(new PrintWriter(err, true));
        int exit = preflight.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    /** The egress rules the CDK app writes for backend.database {"cidr": "10.40.0.0/16"}: HTTPS, and Postgres to that network. */
    private static PreflightAssembly withDatabaseCidr(PreflightAssembly assembly) {
        return withHttpsOnly(assembly).taskSecurityGroup(group -> group.withArray("SecurityGroupEgress").addObject().put("CidrIp", "10.40.0.0/16")
                .put("Description", "Postgres of CONNECTION_URL from backend-flask tasks").put("FromPort", 5432).put("IpProtocol", "tcp")
                .put("ToPort", 5432));
    }

    /** The tasks' group with its HTTPS egress only, as if no database were configured. */
    private static PreflightAssembly withHttpsOnly(PreflightAssembly assembly) {
        return assembly.taskSecurityGroup(group -> {
            var egress = group.withArray("SecurityGroupEgress");
            for (int i = egress.size() - 1; i >= 0; i--) {
                if (egress.get(i).path("FromPort").asInt() != 443) {
                    egress.remove(i);
                }
            }
        });
    }

    @Test
    void aReadyAccountPassesEveryCheckAndExitsZero() {
        Run run = run();
        assertEquals(0, run.exit(), String.join("\n", run.lines()) + run.err());
        assertTrue(run.lines().size() >= 8 && run.lines().stream().allMatch(line -> line.startsWith("✔ ")), String.join("\n", run.lines()));
    }

    @Test
    void preflightOnlyReads() {
        run();
        Set<String> reads = Set.of("GetCallerIdentity", "DescribeStacks", "DescribeStackResource", "BatchGetImage", "GetDownloadUrlForLayer",
                "DescribeRepositories",
                "DescribeParameters", "GetParameter", "DescribeTable", "DescribeLogGroups", "ListUserPools", "DescribeClusters");
        for (StubAwsHttp.Call call : http.calls) {
            String operation = !call.target().isEmpty() ? call.target().substring(call.target().indexOf('.') + 1)
                    : call.body().replaceAll(".*Action=([A-Za-z]+).*", "$1");
            assertTrue("GET".equals(call.method()) || reads.contains(operation), call.toString());
        }
    }

    @Test
    void theConnectionUrlPasswordIsNeverPrinted() {
        Run run = run();
        assertTrue(run.lines().stream().noneMatch(line -> line.contains("s3cret")), String.join("\n", run.lines()));
    }

    @Test
    void aReadAwsDeniesFailsThatCheckWithThePermissionAndTheOthersStillRun() {
        aws.denied.add("AmazonEC2ContainerRegistry_V20150921.BatchGetImage");
        Run run = run();
        run.has("✘ image: cannot check: User: arn:aws:iam::" + ACCOUNT + ":user/operator is not authorized to perform: BatchGetImage because no"
                + " identity-based policy allows it — fix: grant your credentials ecr:BatchGetImage, ecr:GetDownloadUrlForLayer (README section"
                + " Preflight lists every read it needs)", 1);
        assertTrue(run.lines().get(run.lines().size() - 1).startsWith("✔ stream mappings: "), String.join("\n", run.lines()));
    }

    @Nested
    class BadInput {
        @Test
        void anUnknownStageIsBadInput() {
            Run run = execute("--stage", "nosuch", "--region", "us-east-1", "--cdk-out", assembly.directory.toString());
            assertEquals(2, run.exit());
            assertTrue(run.err().startsWith("preflight: unknown stage nosuch: " + assembly.directory + " has no stack Cruddur-nosuch-* (it has "
                    + StageTemplates.stackName("dev", "Auth")), run.err());
            assertTrue(http.calls.isEmpty(), "asked AWS before reading the stage");
        }

        @Test
        void noRegionIsBadInput() {
            Run run = execute("--stage", "dev", "--region=", "--cdk-out", assembly.directory.toString());
            assertEquals(2, run.exit());
            assertEquals("preflight: no AWS region found: pass --region, set AWS_REGION, or set region in your profile in ~/.aws/config (aws configure)", run.err().strip());
        }
    }

    @Nested
    class Environment {
        @Test
        void anEnvironmentAgnosticStageDeploysWhereTheCallerIs() {
            run().has("✔ environment: stage dev is environment-agnostic; deploys to " + ACCOUNT + "/us-east-1", 0);
        }

        @Test
        void aFixedStagePassesInItsOwnAccountAndRegion() {
            assembly.environment("aws://" + ACCOUNT + "/us-east-1");
            run().has("✔ environment: caller " + ACCOUNT + "/us-east-1 is stage dev's environment", 0);
        }

        @Test
        void aFixedStageInAnotherAccountFailsAndNothingElseIsChecked() {
            assembly.environment("aws://444455556666/eu-west-1");
            Run run = run();
            assertEquals(List.of("✘ environment: caller is " + ACCOUNT + "/us-east-1 but stage dev deploys to 444455556666/eu-west-1"
                    + " — fix: use credentials of account 444455556666 (AWS_PROFILE=...) and --region eu-west-1"), run.lines());
            assertEquals(1, run.exit());
        }

        @Test
        void aFixedStageInTheRightAccountButAnotherRegionSaysWhichRegion() {
            assembly.environment("aws://" + ACCOUNT + "/eu-west-1");
            run().has("✘ environment: caller is " + ACCOUNT + "/us-east-1 but stage dev deploys to " + ACCOUNT + "/eu-west-1"
                    + " — fix: pass --region eu-west-1", 1);
        }
    }

    @Nested
    class Bootstrap {
        @Test
        void aBootstrapStackAtLeastAsNewAsTheTemplatesNeedPasses() {
            run().has("✔ bootstrap: CDKToolkit in " + ACCOUNT + "/us-east-1 is version 30 (the templates need 6)", 0);
        }

        @Test
        void noBootstrapStackFailsWithTheBootstrapCommand() {
            aws.bootstrapVersion = null;
            run().has("✘ bootstrap: no CDKToolkit stack in " + ACCOUNT + "/us-east-1 — fix: npx cdk bootstrap aws://" + ACCOUNT + "/us-east-1", 1);
        }

        @Test
        void anOlderBootstrapStackFailsWithTheBootstrapCommand() {
            aws.bootstrapVersion = 5;
            run().has("✘ bootstrap: CDKToolkit in " + ACCOUNT + "/us-east-1 is version 5; the templates need 6 — fix: npx cdk bootstrap aws://"
                    + ACCOUNT + "/us-east-1", 1);
        }
    }

    @Nested
    class Image {
        @Test
        void aSingleImageBuiltForTheTaskArchitecturePassesReadFromItsConfigBlob() {
            run().has("✔ image: " + URI + " is built for linux/amd64, as the task definition's X86_64 needs", 0);
            assertTrue(http.calls.stream().anyMatch(call -> PreflightAwsStub.LAYER_URL.startsWith("https://" + call.host() + call.path())),
                    "the config blob was not downloaded");
        }

        @Test
        void aMultiPlatformIndexPassesWhenItHoldsTheTaskArchitecture() {
            assembly.backend("AWS::ECS::TaskDefinition", task -> ((ObjectNode) task.path("RuntimePlatform")).put("CpuArchitecture", "ARM64"));
            aws.imageManifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                    + "{\"digest\":\"sha256:a1\",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}},"
                    + "{\"digest\":\"sha256:a2\",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}},"
                    + "{\"digest\":\"sha256:a3\",\"platform\":{\"architecture\":\"unknown\",\"os\":\"unknown\"}}]}";
            run().has("✔ image: " + URI + " is built for linux/arm64, as the task definition's ARM64 needs", 0);
        }

        @Test
        void anImageBuiltForAnotherArchitectureFailsWithTheBuildCommand() {
            aws.imageConfig = "{\"architecture\":\"arm64\",\"os\":\"linux\"}";
            run().has("✘ image: " + URI + " is built for linux/arm64 but the task definition runs X86_64 (linux/amd64) — fix: docker buildx build"
                    + " --platform linux/amd64 -t " + URI + " --push backend-flask (or set backend.cpuArchitecture to ARM64 in stages.local.json)", 1);
        }

        @Test
        void aMissingRepositoryFailsWithTheCommandThatCreatesItWithImmutableTags() {
            aws.repositories.clear();
            Run run = run();
            run.has("✘ image: no ECR repository backend-flask in " + ACCOUNT + "/us-east-1 — fix: aws ecr create-repository --region us-east-1"
                    + " --repository-name backend-flask --image-tag-mutability IMMUTABLE_WITH_EXCLUSION --image-tag-mutability-exclusion-filters"
                    + " filterType=WILDCARD,filter=latest, then push the image; or set backend.imageRepository in stages.local.json", 1);
            assertTrue(run.lines().stream().noneMatch(line -> line.contains("image pin")), "one line for one missing repository: " + run.lines());
        }

        @Test
        void aMissingTagFailsWithThePushCommand() {
            aws.imageTags.clear();
            run().has("✘ image: repository backend-flask has no image tagged latest — fix: docker buildx build --platform linux/amd64 -t " + URI
                    + " --push backend-flask; or set backend.imageTag in stages.local.json", 1);
        }
    }

    @Nested
    class ImagePin {
        private static final String DIGEST = PreflightAwsStub.IMAGE_DIGEST;
        private static final String FOLLOW = "aws ecs update-service --region us-east-1 --cluster cruddur-dev --service backend-flask"
                + " --force-new-deployment";

        @Test
        void devFollowingLatestPassesAndSaysHowAPushReachesIt() {
            run().has("✔ image pin: tag latest can be overwritten in backend-flask (IMMUTABLE_WITH_EXCLUSION, mutable: latest); stage dev holds"
                    + " no real data (its stacks have no termination protection), so it may follow the tag: a push reaches it with " + FOLLOW, 0);
        }

        @Test
        void aTagOfAnImmutableRepositoryPasses() {
            assembly.image("backend-flask:2026-11-25.1").terminationProtected();
            aws.imageTags.add("2026-11-25.1");
            aws.tagMutability = "IMMUTABLE";
            aws.tagMutabilityExclusions.clear();
            run().has("✔ image pin: tag 2026-11-25.1 cannot be overwritten in backend-flask (IMMUTABLE)", 0);
        }

        @Test
        void aTagNoExclusionMatchesIsImmutable() {
            assembly.image("backend-flask:2026-11-25.1").terminationProtected();
            aws.imageTags.add("2026-11-25.1");
            run().has("✔ image pin: tag 2026-11-25.1 cannot be overwritten in backend-flask (IMMUTABLE_WITH_EXCLUSION, mutable: latest)", 0);
        }

        @Test
        void aTagAnExclusionOfAMutableRepositoryMatchesIsImmutable() {
            assembly.image("backend-flask:v1.2").terminationProtected();
            aws.imageTags.add("v1.2");
            aws.tagMutability = "MUTABLE_WITH_EXCLUSION";
            aws.tagMutabilityExclusions.set(0, "v*");
            run().has("✔ image pin: tag v1.2 cannot be overwritten in backend-flask (MUTABLE_WITH_EXCLUSION, immutable: v*)", 0);
        }

        @Test
        void aStageHoldingRealDataOnATagOfAMutableRepositoryFailsWithTheCommandThatMakesTagsImmutable() {
            assembly.image("backend-flask:2026-11-25.1").terminationProtected();
            aws.imageTags.add("2026-11-25.1");
            aws.tagMutability = "MUTABLE";
            aws.tagMutabilityExclusions.clear();
            run().has("✘ image pin: tag 2026-11-25.1 can be overwritten in backend-flask (MUTABLE), and stage dev holds real data (its stacks"
                    + " have termination protection): a push under 2026-11-25.1 changes what its next deployment runs — fix: aws ecr"
                    + " put-image-tag-mutability --region us-east-1 --repository-name backend-flask --image-tag-mutability IMMUTABLE_WITH_EXCLUSION"
                    + " --image-tag-mutability-exclusion-filters filterType=WILDCARD,filter=latest; or set backend.imageDigest in stages.local.json"
                    + " to the image's digest (aws ecr describe-images --region us-east-1 --repository-name backend-flask --image-ids"
                    + " imageTag=2026-11-25.1 --query 'imageDetails[0].imageDigest' --output text)", 1);
        }

        @Test
        void aStageHoldingRealDataOnATagAnExclusionKeepsMutableFailsWithTheDigestCommand() {
            assembly.image("backend-flask:release-7").terminationProtected();
            aws.imageTags.add("release-7");
            aws.tagMutabilityExclusions.add("release-*");
            run().has("✘ image pin: tag release-7 can be overwritten in backend-flask (IMMUTABLE_WITH_EXCLUSION, mutable: latest, release-*), and"
                    + " stage dev holds real data (its stacks have termination protection): a push under release-7 changes what its next"
                    + " deployment runs — fix: set backend.imageDigest in stages.local.json to the image's digest (aws ecr describe-images"
                    + " --region us-east-1 --repository-name backend-flask --image-ids imageTag=release-7 --query 'imageDetails[0].imageDigest'"
                    + " --output text), or push the build under a tag no exclusion filter matches and set backend.imageTag to it", 1);
        }

        @Test
        void aDigestPassesOnAStageHoldingRealDataWithoutAskingForTheRepository() {
            assembly.image("backend-flask@" + DIGEST).terminationProtected();
            aws.tagMutability = "MUTABLE";
            Run run = run();
            run.has("✔ image pin: the task definition names backend-flask by digest " + DIGEST + ", which no push can move", 0);
            assertTrue(run.lines().contains("✔ image: " + ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/backend-flask@" + DIGEST
                    + " is built for linux/amd64, as the task definition's X86_64 needs"), String.join("\n", run.lines()));
            assertTrue(http.calls.stream().noneMatch(call -> call.target().endsWith(".DescribeRepositories")), "asked ECR for the repository");
        }

        @Test
        void aDigestTheRepositoryDoesNotHoldFailsWithTheCommandThatListsItsImages() {
            assembly.image("backend-flask@" + DIGEST);
            aws.imageDigests.clear();
            run().has("✘ image: repository backend-flask has no image with digest " + DIGEST + " — fix: set backend.imageDigest in"
                    + " stages.local.json to the digest of an image the repository holds (aws ecr list-images --region us-east-1"
                    + " --repository-name backend-flask)", 1);
        }

        @Test
        void aDeniedReadFailsThisCheckOnlyWithThePermission() {
            aws.denied.add("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories");
            run().has("✘ image pin: cannot check: User: arn:aws:iam::" + ACCOUNT + ":user/operator is not authorized to perform:"
                    + " DescribeRepositories because no identity-based policy allows it — fix: grant your credentials ecr:DescribeRepositories"
                    + " (README section Preflight lists every read it needs)", 1);
        }
    }

    @Nested
    class ConnectionUrl {
        @Test
        void aSecureStringUnderTheAwsManagedKeyPasses() {
            run().has("✔ CONNECTION_URL: " + PARAMETER + " is a SecureString encrypted with alias/aws/ssm", 0);
        }

        @Test
        void aMissingParameterFailsWithThePutCommand() {
            aws.parameters.clear();
            run().has("✘ CONNECTION_URL: no SSM parameter " + PARAMETER + " in us-east-1 — fix: aws ssm put-parameter --region us-east-1 --name "
                    + PARAMETER + " --type SecureString --key-id alias/aws/ssm --value 'postgresql://USER:PASSWORD@HOST:5432/cruddur'", 1);
        }

        @Test
        void aPlainStringFailsWithTheCommandsThatRecreateItAsASecureString() {
            aws.parameters.put(PARAMETER, new String[] {"String", null, "postgresql://cruddur:s3cret@10.40.1.5:5432/cruddur"});
            run().has("✘ CONNECTION_URL: " + PARAMETER + " is a String; the task execution role can only read a SecureString encrypted with"
                    + " alias/aws/ssm — fix: " + recreate(), 1);
        }

        @Test
        void aSecureStringUnderACustomerKeyFails() {
            String key = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
            aws.parameters.put(PARAMETER, new String[] {"SecureString", key, "postgresql://cruddur:s3cret@10.40.1.5:5432/cruddur"});
            run().has("✘ CONNECTION_URL: " + PARAMETER + " is a SecureString encrypted with " + key + "; the task execution role can only read a"
                    + " SecureString encrypted with alias/aws/ssm — fix: " + recreate(), 1);
        }

        private String recreate() {
            return "V=$(aws ssm get-parameter --region us-east-1 --name " + PARAMETER + " --with-decryption --query Parameter.Value --output text)"
                    + " && aws ssm delete-parameter --region us-east-1 --name " + PARAMETER + " && aws ssm put-parameter --region us-east-1 --name "
                    + PARAMETER + " --type SecureString --key-id alias/aws/ssm --value \"$V\"";
        }
    }

    @Nested
    class Certificate {
        private static final String HOST = "api.cruddur.example.com";

        /** Dev behind HTTPS on {@code HOST} with {@code arn}, as a stage with backend.certificateArn and backend.backendUrl synthesizes. */
        private void https(String arn) {
            assembly.backend("AWS::ECS::TaskDefinition", task -> task.path("ContainerDefinitions").path(0).path("Environment").forEach(variable -> {
                if ("BACKEND_URL".equals(variable.path("Name").asText())) {
                    ((ObjectNode) variable).put("Value", "https://" + HOST);
                }
            }));
            assembly.backend("AWS::ElasticLoadBalancingV2::Listener", listener -> {
                listener.put("Protocol", "HTTPS").put("Port", 443);
                listener.putArray("Certificates").addObject().put("CertificateArn", arn);
            });
        }

        private String certificate(String status, String domain, String... alternativeNames) {
            return "{\"CertificateArn\":\"x\",\"Status\":\"" + status + "\",\"DomainName\":\"" + domain + "\",\"SubjectAlternativeNames\":[\""
                    + String.join("\",\"", alternativeNames) + "\"]}";
        }

        @Test
        void aStageOnPlainHttpNeedsNone() {
            run().has("✔ certificate: none needed (the load balancer listens on plain HTTP)", 0);
        }

        @Test
        void anIssuedCertificateOfTheStageRegionWhoseWildcardCoversTheHostPasses() {
            https(CERTIFICATE);
            aws.certificates.put(CERTIFICATE, certificate("ISSUED", "cruddur.example.com", "cruddur.example.com", "*.cruddur.example.com"));
            run().has("✔ certificate: " + CERTIFICATE + " is ISSUED in us-east-1 and covers " + HOST, 0);
        }

        @Test
        void aWildcardCoversOneLabelOnly() {
            https(CERTIFICATE);
            aws.certificates.put(CERTIFICATE, certificate("ISSUED", "example.com", "*.example.com"));
            run().has("✘ certificate: " + CERTIFICATE + " covers example.com, *.example.com, not " + HOST + " — fix: aws acm request-certificate"
                    + " --region us-east-1 --domain-name " + HOST + " --validation-method DNS, validate it, then set backend.certificateArn in stages.local.json"
                    + " to its ARN", 1);
        }

        @Test
        void aCertificatePendingValidationFailsWithWhereToFindItsRecords() {
            https(CERTIFICATE);
            aws.certificates.put(CERTIFICATE, certificate("PENDING_VALIDATION", HOST, HOST));
            run().has("✘ certificate: " + CERTIFICATE + " is PENDING_VALIDATION, not ISSUED — fix: create the DNS records that aws acm"
                    + " describe-certificate --region us-east-1 --certificate-arn " + CERTIFICATE + " lists under DomainValidationOptions, and wait"
                    + " for ISSUED", 1);
        }

        @Test
        void aCertificateOfAnotherRegionFails() {
            String other = CERTIFICATE.replace("us-east-1", "eu-west-1");
            https(other);
            aws.certificates.put(other, certificate("ISSUED", HOST, HOST));
            run().has("✘ certificate: " + other + " is in eu-west-1, not the stage's region us-east-1 — fix: aws acm request-certificate --region"
                    + " us-east-1 --domain-name " + HOST + " --validation-method DNS, validate it, then set backend.certificateArn in stages.local.json to its ARN", 1);
        }

        @Test
        void aCertificateAcmDoesNotKnowFails() {
            https(CERTIFICATE);
            run().has("✘ certificate: ACM has no certificate " + CERTIFICATE + " — fix: aws acm request-certificate --region us-east-1 --domain-name "
                    + HOST + " --validation-method DNS, validate it, then set backend.certificateArn in stages.local.json to its ARN", 1);
        }
    }

    @Nested
    class Email {
        private static final String DOMAIN = "cruddur.net";

        /** The user pool mails through SES from {@code identity}, as a stage with auth.email synthesizes. */
        private void mailsFrom(String identity) {
            assembly.template("Auth", template -> template.path("Resources").forEach(resource -> {
                if ("AWS::Cognito::UserPool".equals(resource.path("Type").asText())) {
                    ((ObjectNode) resource.path("Properties")).putObject("EmailConfiguration").put("EmailSendingAccount", "DEVELOPER")
                            .put("From", "Cruddur <no-reply@" + DOMAIN + ">")
                            .put("SourceArn", "arn:aws:ses:us-east-1:" + ACCOUNT + ":identity/" + identity);
                }
            }));
        }

        private String identity(boolean verifiedForSending, String status) {
            return "{\"IdentityType\":\"DOMAIN\",\"VerifiedForSendingStatus\":" + verifiedForSending + ",\"VerificationStatus\":\"" + status
                    + "\",\"DkimAttributes\":{\"Status\":\"" + status + "\"}}";
        }

        @Test
        void aPoolOnCognitosOwnSenderNeedsNoIdentity() {
            run().has("✔ email: Cognito's own sender, limited to 50 emails a day (a stage holding real data sets auth.email)", 0);
        }

        @Test
        void aVerifiedIdentityOfAnAccountOutOfTheSandboxPassesWithItsQuota() {
            mailsFrom(DOMAIN);
            aws.sesIdentities.put(DOMAIN, identity(true, "SUCCESS"));
            run().has("✔ email: cruddur.net is verified for sending in us-east-1; the account has production access (50,000 emails a day)", 0);
        }

        @Test
        void anIdentitySesDoesNotKnowFailsWithTheCommandThatCreatesIt() {
            mailsFrom(DOMAIN);
            run().has("✘ email: SES in us-east-1 has no identity cruddur.net — fix: aws sesv2 create-email-identity --region us-east-1"
                    + " --email-identity cruddur.net, then publish the DKIM CNAME records it prints", 1);
        }

        @Test
        void aDomainPendingVerificationFailsWithWhereItsRecordsAre() {
            mailsFrom(DOMAIN);
            aws.sesIdentities.put(DOMAIN, identity(false, "PENDING"));
            run().has("✘ email: cruddur.net is not verified for sending in us-east-1 (PENDING) — fix: publish the DKIM CNAME records that aws"
                    + " sesv2 get-email-identity --region us-east-1 --email-identity cruddur.net lists under DkimAttributes.Tokens, and wait for"
                    + " SUCCESS", 1);
        }

        @Test
        void anUnverifiedAddressFailsWithTheLinkToOpen() {
            mailsFrom("no-reply@" + DOMAIN);
            aws.sesIdentities.put("no-reply@" + DOMAIN, identity(false, "PENDING"));
            run().has("✘ email: no-reply@cruddur.net is not verified for sending in us-east-1 (PENDING) — fix: open the link SES mailed to"
                    + " no-reply@cruddur.net (aws sesv2 create-email-identity again sends a new one)", 1);
        }

        @Test
        void anAccountInTheSandboxFailsSinceNewUsersWouldGetNoCode() {
            mailsFrom(DOMAIN);
            aws.sesIdentities.put(DOMAIN, identity(true, "SUCCESS"));
            aws.sesAccount = "{\"ProductionAccessEnabled\":false,\"SendingEnabled\":true,\"SendQuota\":{\"Max24HourSend\":200.0}}";
            run().has("✘ email: the SES account in us-east-1 is in the sandbox: it mails verified addresses only, so new users get no code"
                    + " — fix: request production access: aws sesv2 put-account-details --region us-east-1 --production-access-enabled --mail-type"
                    + " TRANSACTIONAL --website-url <your frontend URL> --use-case-description \"sign-up codes and password resets\"", 1);
        }

        @Test
        void anAccountWhoseSendingIsPausedFails() {
            mailsFrom(DOMAIN);
            aws.sesIdentities.put(DOMAIN, identity(true, "SUCCESS"));
            aws.sesAccount = "{\"ProductionAccessEnabled\":true,\"SendingEnabled\":false,\"SendQuota\":{\"Max24HourSend\":50000.0}}";
            run().has("✘ email: sending is paused for the SES account in us-east-1 — fix: read the reason in the SES console's reputation page,"
                    + " then aws sesv2 put-account-sending-attributes --region us-east-1 --sending-enabled", 1);
        }
    }

    @Nested
    class Database {
        private void connectionUrl(String url) {
            aws.parameters.put(PARAMETER, new String[] {"SecureString", "alias/aws/ssm", url});
        }

        @Test
        void aDatabaseAddressInsideTheEgressRangePasses() {
            run().has("✔ database: the tasks may reach 10.40.1.5:5432 (egress to 10.40.0.0/16)", 0);
        }

        @Test
        void withoutARuleToTheDatabasePortTheTasksReachNoDatabase() {
            assembly = withHttpsOnly(PreflightAssembly.copyOfDev());
            run().has("✘ database: the tasks' security group allows no egress to port 5432 (10.40.1.5:5432) — fix: set backend.database in"
                    + " stages.local.json to the database's network, e.g. {\"cidr\": \"10.40.1.5/32\", \"port\": 5432}, or to its RDS security group", 1);
        }

        @Test
        void anRdsSecurityGroupOnThePortPassesAndSaysWhatCannotBeCheckedOffline() {
            assembly = withHttpsOnly(PreflightAssembly.copyOfDev()).taskEgressToSecurityGroup("sg-0a1b2c3d4e5f60718", 5432);
            run().has("✔ database: the tasks may reach port 5432 of security group sg-0a1b2c3d4e5f60718 (an RDS instance in the VPC; that"
                    + " 10.40.1.5 is in it cannot be checked offline)", 0);
        }

        @Test
        void aDatabaseAddressOutsideTheEgressRangeFails() {
            connectionUrl("postgresql://cruddur:s3cret@172.31.5.9:5432/cruddur");
            run().has("✘ database: 172.31.5.9:5432 is outside the tasks' egress to port 5432 (10.40.0.0/16) — fix: set backend.database in"
                    + " stages.local.json to a range that holds 172.31.5.9, e.g. {\"cidr\": \"172.31.5.9/32\", \"port\": 5432}", 1);
        }

        @Test
        void aPortOtherThanTheEgressPortFails() {
            connectionUrl("postgresql://cruddur:s3cret@10.40.1.5:6543/cruddur");
            run().has("✘ database: the tasks' security group allows no egress to port 6543 (10.40.1.5:6543) — fix: set backend.database in"
                    + " stages.local.json to the database's network, e.g. {\"cidr\": \"10.40.1.5/32\", \"port\": 6543}, or to its RDS security group", 1);
        }

        @Test
        void aHostNamePassesOnThePortAndSaysWhatCannotBeCheckedOffline() {
            connectionUrl("postgresql://cruddur:s3cret@cruddur.abc123.us-east-1.rds.amazonaws.com:5432/cruddur");
            run().has("✔ database: the tasks may reach port 5432 in 10.40.0.0/16; cruddur.abc123.us-east-1.rds.amazonaws.com is a host name, and"
                    + " whether it resolves inside that range cannot be checked offline", 0);
        }

        @Test
        void aMissingParameterLeavesTheDatabaseUnknown() {
            aws.parameters.clear();
            run().has("✘ database: cannot read CONNECTION_URL, so the database's address is unknown — fix: create the parameter (see the"
                    + " CONNECTION_URL line)", 1);
        }
    }

    @Nested
    class FixedNames {
        private static final String FREE = "✔ fixed names: 7 fixed names are free or already the stage's own (cruddur-dev-messages,"
                + " cruddur-dev-messaging-stream, cruddur-dev-users, /cruddur/dev/cognito/user-pool-id, /cruddur/dev/cognito/user-pool-client-id,"
                + " cruddur-dev-signup, cruddur-dev)";

        @Test
        void aFreshAccountHoldsNoneOfTheNames() {
            run().has(FREE, 0);
        }

        @Test
        void namesTheirOwnStacksHoldAreTheStageItself() {
            aws.tables.put("cruddur-dev-messages", null);
            own("Data", "AWS::DynamoDB::Table", "cruddur-dev-messages");
            aws.functions.add("cruddur-dev-messaging-stream");
            own("StreamProcessor", "AWS::Lambda::Function", "cruddur-dev-messaging-stream");
            aws.userPools.put("us-east-1_Stage", "cruddur-dev-users");
            own("Auth", "AWS::Cognito::UserPool", "us-east-1_Stage");
            aws.clusters.add("cruddur-dev");
            own("Backend", "AWS::ECS::Cluster", "cruddur-dev");
            run().has(FREE, 0);
        }

        private static final String TABLE_OUTSIDE = "✘ fixed names: DynamoDB table cruddur-dev-messages already exists in us-east-1"
                + " outside stack Cruddur-dev-Data — fix: adopt it as README section \"Adopting the bootcamp's table\" describes: back it up,"
                + " delete the bootcamp Lambda's event source mapping";
        private static final String IMPORT_STEPS = "; then bin/ddb import-mapping --stage dev; then npx cdk import -c stage=dev Cruddur-dev-Data"
                + " --resource-mapping cdk.out/local-dev/Cruddur-dev-Data.resource-mapping.json";

        @Test
        void aTableOutsideItsStackThatMatchesTheTemplateIsAdoptedByImport() {
            withBootcampTable(BootcampTable.Variant.WITH_GSI, () -> run().has(TABLE_OUTSIDE + IMPORT_STEPS, 1));
        }

        @Test
        void aTableOutsideItsStackWithoutTheIndexGetsItsCreationAsAStepBeforeTheImport() {
            withBootcampTable(BootcampTable.Variant.WITHOUT_GSI, () -> {
                Run run = run();
                String line = run.lines.stream().filter(l -> l.startsWith("✘ fixed names")).findFirst().orElseThrow();
                assertTrue(line.startsWith(TABLE_OUTSIDE + "; then global secondary index message-group-sk-index: missing"), line);
                assertTrue(line.contains("aws dynamodb update-table --table-name cruddur-dev-messages"), line);
                assertTrue(line.endsWith(IMPORT_STEPS), line);
            });
        }

        @Test
        void aTableOutsideItsStackWithOtherKeysCannotBeAdopted() {
            try (LocalDynamoDbServer server = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
                 DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(server.endpoint()), Region.US_EAST_1)) {
                dynamoDb.createTable(b -> b.tableName("cruddur-dev-messages")
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
                aws.dynamoDbLocal = server.endpoint();
                String line = run().lines.stream().filter(l -> l.startsWith("✘ fixed names")).findFirst().orElseThrow();
                assertTrue(line.startsWith("✘ fixed names: DynamoDB table cruddur-dev-messages already exists in us-east-1 outside stack"
                        + " Cruddur-dev-Data and cannot be adopted: key schema"), line);
                assertTrue(line.contains("copy the items over"), line);
            }
        }

        /** A table of the stage's name made as the bootcamp's schema-load makes it, stream on, in DynamoDB Local behind the stub. */
        private void withBootcampTable(BootcampTable.Variant variant, Runnable check) {
            try (LocalDynamoDbServer server = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
                 DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(server.endpoint()), Region.US_EAST_1)) {
                BootcampTable.create(dynamoDb, variant, "cruddur-dev-messages");
                BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE", "cruddur-dev-messages");
                aws.dynamoDbLocal = server.endpoint();
                check.run();
            }
        }

        @Test
        void aFunctionOutsideItsStackFailsWithDeleteOrAdopt() {
            aws.functions.add("cruddur-dev-messaging-stream");
            run().has("✘ fixed names: Lambda function cruddur-dev-messaging-stream already exists in us-east-1 outside stack Cruddur-dev-StreamProcessor"
                    + " — fix: delete it (aws lambda delete-function --function-name cruddur-dev-messaging-stream --region us-east-1) or adopt it into"
                    + " Cruddur-dev-StreamProcessor (npx cdk import -c stage=dev Cruddur-dev-StreamProcessor)", 1);
        }

        @Test
        void aUserPoolOfTheSameNameIsNamedByItsPoolId() {
            aws.userPools.put("us-east-1_Bootcamp", "cruddur-dev-users");
            run().has("✘ fixed names: Cognito user pool cruddur-dev-users already exists in us-east-1 outside stack Cruddur-dev-Auth — fix: delete it"
                    + " (aws cognito-idp delete-user-pool --user-pool-id us-east-1_Bootcamp --region us-east-1) or adopt it into Cruddur-dev-Auth"
                    + " (npx cdk import -c stage=dev Cruddur-dev-Auth)", 1);
        }

        @Test
        void aParameterAndAClusterOutsideTheirStacksFailOneLineEach() {
            aws.parameters.put("/cruddur/dev/cognito/user-pool-id", new String[] {"String", null, "us-east-1_Bootcamp"});
            aws.clusters.add("cruddur-dev");
            Run run = run();
            run.has("✘ fixed names: SSM parameter /cruddur/dev/cognito/user-pool-id already exists in us-east-1 outside stack Cruddur-dev-Auth"
                    + " — fix: delete it (aws ssm delete-parameter --name /cruddur/dev/cognito/user-pool-id --region us-east-1) or adopt it into"
                    + " Cruddur-dev-Auth (npx cdk import -c stage=dev Cruddur-dev-Auth)", 1);
            run.has("✘ fixed names: ECS cluster cruddur-dev already exists in us-east-1 outside stack Cruddur-dev-Backend — fix: delete it"
                    + " (aws ecs delete-cluster --cluster cruddur-dev --region us-east-1) or adopt it into Cruddur-dev-Backend"
                    + " (npx cdk import -c stage=dev Cruddur-dev-Backend)", 1);
            assertFalse(run.lines().stream().anyMatch(line -> line.startsWith("✔ fixed names")));
        }
    }

    @Nested
    class StreamMappings {
        /** The stage deployed: its table (with a stream) in the Data stack, read by the processor's alias. */
        private void deployedTable() {
            aws.tables.put("cruddur-dev-messages", STREAM);
            own("Data", "AWS::DynamoDB::Table", "cruddur-dev-messages");
            aws.mappings.put("0c4f2a8e-1b3d-4c5e-8f9a-0b1c2d3e4f5a", PROCESSOR_ALIAS);
        }

        @Test
        void aTableWithoutAStreamHasNoOtherReader() {
            run().has("✔ stream mappings: table cruddur-dev-messages has no stream yet, so nothing else reads it", 0);
        }

        @Test
        void onlyTheStageProcessorReadingTheStreamPasses() {
            deployedTable();
            run().has("✔ stream mappings: only cruddur-dev-messaging-stream reads the stream of cruddur-dev-messages", 0);
        }

        @Test
        void anotherFunctionReadingTheStreamFailsWithTheDeleteCommand() {
            deployedTable();
            aws.mappings.put("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:cruddur-dev-messaging-stream-bootcamp");
            run().has("✘ stream mappings: cruddur-dev-messaging-stream-bootcamp (mapping 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d) also reads the stream of"
                    + " cruddur-dev-messages and would process every message a second time — fix: aws lambda delete-event-source-mapping --region"
                    + " us-east-1 --uuid 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", 1);
        }
    }

    /** The stage's stack of {@code concern} holds {@code physicalId} as its one resource of {@code type}. */
    private void own(String concern, String type, String physicalId) {
        aws.stackResources.put(StageTemplates.stackName("dev", concern) + "/" + assembly.logicalId(concern, type), physicalId);
    }
}
