package com.cruddur.messaging.local.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.Cli;
import com.cruddur.messaging.local.AwsRegion;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.StackOutputs;
import com.cruddur.messaging.local.env.TierEnvironments;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** bin/stage-env: the frontend's and backend-flask's env files from a deployed stage's stack outputs. */
@Command(name = "stage-env", mixinStandardHelpOptions = true,
        description = {"Write the frontend's env file (REACT_APP_...) and backend-flask's env for local runs from a deployed stage's"
                + " stack outputs, each value with a comment naming where it came from.",
                "Reads CloudFormation with your AWS credentials (cloudformation:DescribeStacks), or the file npx cdk deploy --all"
                        + " --outputs-file wrote."})
public final class StageEnv implements Callable<Integer> {

    @Option(names = "--stage", defaultValue = "dev", description = "the deployed stage (default: ${DEFAULT-VALUE})")
    String stage;

    @Option(names = "--region", description = AwsRegion.DEFAULT_DESCRIPTION)
    String region;

    @Option(names = "--outputs-file", description = "read the outputs from this cdk deploy --outputs-file file instead of CloudFormation")
    Path outputsFile;

    @Option(names = "--frontend-env", description = "where to write the frontend's env file (default: cdk.out/stage-env/<stage>/frontend.env)")
    Path frontendEnv;

    @Option(names = "--backend-env", description = "where to write backend-flask's env file (default: cdk.out/stage-env/<stage>/backend.env)")
    Path backendEnv;

    @Option(names = "--aws-endpoint", hidden = true, description = "endpoint for CloudFormation (tests)")
    URI awsEndpoint;

    @Spec
    CommandSpec spec;

    SdkHttpClient awsHttp;

    public static void main(String[] args) {
        System.exit(commandLine(UrlConnectionHttpClient.create()).execute(args));
    }

    /** The command; {@code awsHttp} carries the CloudFormation calls (tests give a stub). */
    public static CommandLine commandLine(SdkHttpClient awsHttp) {
        CommandLine commandLine = Cli.commandLine(new StageEnv());
        ((StageEnv) commandLine.getCommandSpec().userObject()).awsHttp = awsHttp;
        return commandLine;
    }

    @Override
    public Integer call() {
        if (outputsFile != null) {
            return write(concern -> StackOutputs.fromOutputsFile(outputsFile, StageTemplates.stackName(stage, concern)));
        }
        try (CloudFormationClient cloudFormation = Clients.inAws(CloudFormationClient.builder(), awsHttp, AwsRegion.forAws(region),
                Optional.ofNullable(awsEndpoint)).build()) {
            return write(concern -> StackOutputs.read(cloudFormation, StageTemplates.stackName(stage, concern)));
        }
    }

    private int write(Function<String, StackOutputs> outputs) {
        StackOutputs auth = outputs.apply("Auth");
        StackOutputs data = outputs.apply("Data");
        StackOutputs backend = outputs.apply("Backend");
        Path directory = Path.of(System.getProperty("cruddur.root", ".")).resolve("cdk.out").resolve("stage-env").resolve(stage);
        Path frontendFile = frontendEnv != null ? frontendEnv : directory.resolve("frontend.env");
        Path backendFile = backendEnv != null ? backendEnv : directory.resolve("backend.env");
        save(frontendFile, TierEnvironments.frontend(auth, backend));
        save(backendFile, TierEnvironments.backend(auth, data, backend));
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + frontendFile + " (the frontend's REACT_APP_* values)");
        out.println("wrote " + backendFile + " (backend-flask on this machine, against stage " + stage + "; CONNECTION_URL not included)");
        out.println("from the outputs of " + auth.stackName() + ", " + data.stackName() + " and " + backend.stackName() + " (" + auth.source() + ")");
        return 0;
    }

    private static void save(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
