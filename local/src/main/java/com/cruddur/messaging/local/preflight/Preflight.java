package com.cruddur.messaging.local.preflight;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.cruddur.messaging.local.AwsRegion;
import com.cruddur.messaging.local.Cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * bin/preflight: read-only checks, with the operator's credentials, that a stage's {@code cdk deploy} will not fail or
 * deploy something broken because of what is (or is not) already in the account. One line per check; exit 1 when any
 * fails, 2 on bad input.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Check, read-only and with your AWS credentials, that the account and region are ready for a deploy of the stage:",
                "environment, CDK bootstrap, backend image and whether a push can change it, CONNECTION_URL parameter, certificate,"
                        + " database egress, mail sender, fixed names,"
                        + " other readers of the table's stream. One line per check (✔ or ✘ with the fix); exit 1 when any fails."})
public final class Preflight implements Callable<Integer> {

    @Option(names = "--stage", defaultValue = "dev", description = "stage to check (default: ${DEFAULT-VALUE})")
    String stage;

    @Option(names = "--region", description = "region to deploy to (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region in"
            + " ~/.aws/config, else the instance's)")
    String region;

    @Option(names = "--cdk-out", description = "the stage's synthesized cloud assembly (default: cdk.out/local-<stage>)")
    Path cdkOut;

    @Option(names = "--aws-endpoint", hidden = true, description = "endpoint for every AWS service (tests)")
    URI awsEndpoint;

    @Spec
    CommandSpec spec;

    private final SdkHttpClient awsHttp;

    private Preflight(SdkHttpClient awsHttp) {
        this.awsHttp = awsHttp;
    }

    public static void main(String[] args) {
        System.exit(commandLine(UrlConnectionHttpClient.create()).execute(args));
    }

    /** The command; {@code awsHttp} carries every call to AWS, so tests give a stub. */
    public static CommandLine commandLine(SdkHttpClient awsHttp) {
        return Cli.commandLine(new Preflight(awsHttp));
    }

    @Override
    public Integer call() {
        // The chain cdk deploy itself follows, so the check and the deploy agree on the region.
        String region = AwsRegion.forAws(this.region).id();
        // bin/preflight passes the repository root, so the default works from any directory.
        Path directory = cdkOut != null ? cdkOut : Path.of(System.getProperty("cruddur.root", ".")).resolve("cdk.out").resolve("local-" + stage);
        StageAssembly assembly = StageAssembly.read(directory, stage);
        try (AwsAnswers aws = new AwsAnswers(awsHttp, Region.of(region), Optional.ofNullable(awsEndpoint))) {
            List<CheckResult> results = new StageChecks(assembly, aws, region).run(result -> spec.commandLine().getOut().println(result.line()));
            return results.stream().allMatch(CheckResult::passed) ? 0 : Cli.FAILED;
        }
    }
}
