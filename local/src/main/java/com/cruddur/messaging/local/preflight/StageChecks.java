package com.cruddur.messaging.local.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
        record.accept(BootstrapCheck.check(aws.bootstrapVersion(), assembly.requiredBootstrapVersion(), account, region));

        BackendTemplate backend = new BackendTemplate(assembly.template("Backend"), new TemplateValues(account, region));
        ImageRef image = backend.image();
        record.accept(ImageCheck.check(image, backend.cpuArchitecture(), aws.image(image), region));
        String parameter = backend.connectionParameterName();
        record.accept(ConnectionParameterCheck.check(parameter, aws.parameter(parameter), region));
        Optional<String> certificate = backend.certificateArn();
        record.accept(CertificateCheck.check(certificate, backend.backendHost(), region, certificate.flatMap(aws::certificate)));
        record.accept(DatabaseReachCheck.check(aws.parameterValue(parameter), backend.taskEgress()));

        fixedNames().forEach(record);
        String table = assembly.tableName();
        Optional<String> stream = aws.tableStream(table).flatMap(arn -> arn);
        StreamMappingCheck.check(table, stream, stream.map(aws::mappings).orElse(List.of()), assembly.streamProcessorName(), region)
                .forEach(record);
        return results;
    }

    private List<CheckResult> fixedNames() {
        List<FixedName> names = assembly.fixedNames();
        List<CheckResult> conflicts = new ArrayList<>();
        for (FixedName name : names) {
            aws.existing(name).flatMap(existingId -> FixedNameCheck.conflict(name, existingId, aws.physicalId(name.stack(), name.logicalId()),
                    assembly.stage(), region)).ifPresent(conflicts::add);
        }
        return conflicts.isEmpty() ? List.of(FixedNameCheck.allFree(names)) : conflicts;
    }
}
