package com.cruddur.messaging.local.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.cruddur.messaging.local.adopt.Finding;
import com.cruddur.messaging.local.adopt.TableAdoption;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs the preflight checks of one stage in order, feeding each the template facts and the answers it needs, and
 * reports each result as soon as it is known.
 */
final class StageChecks {

    private final StageAssembly assembly;
    private final AwsAnswers aws;
    private final String region;

    StageChecks(StageAssembly assembly, AwsAnswers aws, String region) {
        this.assembly = assembly;
        this.aws = aws;
        this.region = region;
    }

    /** Every result, in order; after a wrong environment nothing else runs, since it would read the wrong account. */
    List<CheckResult> run(Consumer<CheckResult> report) {
        List<CheckResult> results = new ArrayList<>();
        Consumer<CheckResult> record = result -> {
            results.add(result);
            report.accept(result);
        };
        String account = aws.callerAccount();
        CheckResult environment = EnvironmentCheck.check(assembly.stage(), assembly.environment(), account, region);
        record.accept(environment);
        if (!environment.passed()) {
            return results;
        }
        checked(BootstrapCheck.SUBJECT, "cloudformation:DescribeStacks", () ->
                List.of(BootstrapCheck.check(aws.bootstrapVersion(), assembly.requiredBootstrapVersion(), account, region))).forEach(record);

        BackendTemplate backend = new BackendTemplate(assembly.template("Backend"), new TemplateValues(account, region));
        ImageRef image = backend.image();
        checked(ImageCheck.SUBJECT, "ecr:BatchGetImage, ecr:GetDownloadUrlForLayer", () ->
                List.of(ImageCheck.check(image, backend.cpuArchitecture(), aws.image(image), region))).forEach(record);
        ImagePinCheck.Stage stage = new ImagePinCheck.Stage(assembly.stage(), assembly.terminationProtected(), backend.clusterName(),
                backend.serviceName());
        checked(ImagePinCheck.SUBJECT, "ecr:DescribeRepositories", () -> image.byDigest() ? List.of(ImagePinCheck.byDigest(image))
                : ImagePinCheck.byTag(image, aws.tagMutability(image), stage, region)).forEach(record);
        String parameter = backend.connectionParameterName();
        checked(ConnectionParameterCheck.SUBJECT, "ssm:DescribeParameters", () ->
                List.of(ConnectionParameterCheck.check(parameter, aws.parameter(parameter), region))).forEach(record);
        Optional<String> certificate = backend.certificateArn();
        checked(CertificateCheck.SUBJECT, "acm:DescribeCertificate", () ->
                List.of(CertificateCheck.check(certificate, backend.backendHost(), region, certificate.flatMap(aws::certificate)))).forEach(record);
        checked(DatabaseReachCheck.SUBJECT, "ssm:GetParameter", () ->
                List.of(DatabaseReachCheck.check(aws.parameterValue(parameter), backend.taskEgress()))).forEach(record);
        Optional<EmailIdentityCheck.Sender> sender = EmailIdentityCheck.sender(assembly.template("Auth"), new TemplateValues(account, region));
        checked(EmailIdentityCheck.SUBJECT, "ses:GetEmailIdentity, ses:GetAccount", () -> List.of(EmailIdentityCheck.check(sender,
                sender.flatMap(aws::sesIdentity), sender.map(from -> aws.sesAccount(from.region()))))).forEach(record);

        checked(FixedNameCheck.SUBJECT, "dynamodb:DescribeTable, lambda:GetFunctionConfiguration, logs:DescribeLogGroups,"
                + " cognito-idp:ListUserPools, ssm:DescribeParameters, ecs:DescribeClusters, cloudformation:DescribeStackResource", this::fixedNames)
                .forEach(record);
        checked(StreamMappingCheck.SUBJECT, "dynamodb:DescribeTable, lambda:ListEventSourceMappings", this::streamMappings).forEach(record);
        return results;
    }

    /**
     * The check's results, or, when AWS denies one of its reads, a failure naming the permission: the operator then
     * still sees every other check instead of one error.
     */
    private static List<CheckResult> checked(String subject, String permissions, Supplier<List<CheckResult>> check) {
        try {
            return check.get();
        } catch (AwsServiceException e) {
            if (!accessDenied(e)) {
                throw e;
            }
            return List.of(CheckResult.fail(subject, "cannot check: " + e.awsErrorDetails().errorMessage(),
                    "grant your credentials " + permissions + " (README section Preflight lists every read it needs)"));
        }
    }

    private static boolean accessDenied(AwsServiceException e) {
        String code = String.valueOf(e.awsErrorDetails().errorCode());
        return e.statusCode() == 403 || code.startsWith("AccessDenied") || "UnauthorizedOperation".equals(code);
    }

    private List<CheckResult> streamMappings() {
        String table = assembly.tableName();
        Optional<String> stream = aws.table(table).flatMap(AwsAnswers.Table::latestStreamArn);
        return StreamMappingCheck.check(table, stream, stream.map(aws::mappings).orElse(List.of()), assembly.streamProcessorName(), region);
    }

    /** What an existing table of the stage's table name must change before cdk import can adopt it. */
    private List<Finding> adoption(String table) {
        return aws.table(table).map(existing -> TableAdoption.findings(assembly.table(), existing.description())).orElse(List.of());
    }

    private List<CheckResult> fixedNames() {
        List<FixedName> names = assembly.fixedNames();
        List<CheckResult> conflicts = new ArrayList<>();
        for (FixedName name : names) {
            aws.existing(name).flatMap(existingId -> FixedNameCheck.conflict(name, existingId, aws.physicalId(name.stack(), name.logicalId()),
                    assembly.stage(), region, () -> adoption(name.name()))).ifPresent(conflicts::add);
        }
        return conflicts.isEmpty() ? List.of(FixedNameCheck.allFree(names)) : conflicts;
    }
}
