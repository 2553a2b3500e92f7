package com.cruddur.messaging.local.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.cruddur.messaging.harness.template.LambdaFunction;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.AwsRegion;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.StackOutputs;
import com.cruddur.messaging.local.redrive.DeployedProcessor;
import com.cruddur.messaging.local.redrive.FailedBatchesBucket;
import com.cruddur.messaging.local.redrive.ParkedBatch;
import com.cruddur.messaging.local.runtime.ExecutionEnvironment;
import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Replays parked stream batches through the stream processor and reports what it did. The processor is idempotent,
 * so replaying what already took effect changes nothing. Locally: the batches bin/local parked in its dead-letter
 * file, through the deployed jar under AWS's runtime client; records still reported failed stay in the file. In
 * AWS: the objects in the stage's failed-batches bucket, through the deployed function's alias (the same code, role
 * and table the stream path uses), with the operator's credentials; an object is deleted once all its records pass.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {"Replay parked stream batches through the stream processor and report what happened.",
                "Locally (default): the batches bin/local parked in its dead-letter file, through the deployed jar.",
                "With --deployed: the objects in the stage's failed-batches bucket in AWS, through the deployed function's"
                        + " alias, with your AWS credentials (s3:ListBucket, s3:GetObject, s3:DeleteObject on the bucket,"
                        + " lambda:InvokeFunction on the alias, cloudformation:DescribeStacks unless --bucket and --function are given)."})
final class Redrive implements Callable<Integer> {

    /** Outputs of the stage's StreamProcessor stack (the CDK app's StreamProcessorStack); a test holds them to the template. */
    static final String BUCKET_OUTPUT = "FailedBatchesBucketName";
    static final String ALIAS_OUTPUT = "StreamProcessorAliasArn";

    @Mixin
    Connection connection;

    @Mixin
    JsonOption format;

    @Mixin
    SchemaLoad.TemplateOptions templates;

    @Option(names = "--file", description = "the dead-letter file (default: <cdk-out>/dead-letters.jsonl, where bin/local parks records)")
    Path file;

    @Option(names = "--deployed", description = "redrive the deployed stage's failed-batches bucket in AWS (bucket and alias from the outputs"
            + " of stack Cruddur-<stage>-StreamProcessor)")
    boolean deployed;

    @Option(names = "--bucket", description = "with --deployed: the failed-batches bucket (default: the stack's output " + BUCKET_OUTPUT + ")")
    String bucket;

    @Option(names = "--function", description = "with --deployed: the function name or ARN with its alias (default: the stack's output "
            + ALIAS_OUTPUT + ")")
    String function;

    @Option(names = "--dry-run", description = "list what is parked and replay nothing")
    boolean dryRun;

    @Option(names = "--aws-endpoint", hidden = true, description = "endpoint for CloudFormation, S3 and Lambda (tests)")
    URI awsEndpoint;

    @Spec
    CommandSpec spec;

    SdkHttpClient awsHttp;

    @Override
    public Integer call() {
        if (!deployed && (bucket != null || function != null)) {
            throw new IllegalArgumentException("--bucket and --function name a deployed stage's bucket and alias; add --deployed");
        }
        if (deployed && file != null) {
            throw new IllegalArgumentException("--file " + file + " is local mode's dead-letter file; --deployed reads the stage's bucket instead");
        }
        return deployed ? fromBucket() : fromFile();
    }

    private int fromFile() {
        if (!connection.isLocal()) {
            throw new IllegalArgumentException("redrive replays local mode's dead-letter file against a local endpoint; "
                    + connection.endpoint().map(URI::toString).orElse("AWS (no endpoint given)")
                    + " is not one (use --endpoint http://localhost:PORT, or --deployed for a stage in AWS)");
        }
        Path parked = file != null ? file : templates.cdkOut().resolve("dead-letters.jsonl");
        List<ParkedBatch> batches = readLines(parked);
        PrintWriter out = spec.commandLine().getOut();
        if (batches.isEmpty()) {
            out.println("nothing parked in " + parked);
            return 0;
        }
        if (dryRun) {
            return list(batches.stream().map(batch -> new Parked(parked.toString(), batch)).toList());
        }
        LambdaFunction processor = templates.read().streamProcessor();
        Tally tally = new Tally();
        List<String> kept = new ArrayList<>();
        try (ExecutionEnvironment environment = ExecutionEnvironment.start(processor, connection.endpoint().orElseThrow(),
                connection.region().id(), line -> { })) {
            for (ParkedBatch batch : batches) {
                ArrayNode failing = tally.count(batch, batch.replay(environment::invoke));
                if (!failing.isEmpty()) {
                    kept.add(batch.withRecords(failing).toJson());
                }
            }
        }
        rewrite(parked, kept);
        out.println(tally.summary(processor.name())
                + (tally.stillFailing == 0 ? "; " + parked + " is empty" : " (kept in " + parked + ")"));
        return tally.stillFailing == 0 ? 0 : 1;
    }

    private int fromBucket() {
        Region region = AwsRegion.forAws(connection.region);
        Optional<URI> endpoint = Optional.ofNullable(awsEndpoint);
        String bucketName = bucket;
        String alias = function;
        if (bucketName == null || alias == null) {
            try (CloudFormationClient cloudFormation = Clients.inAws(CloudFormationClient.builder(), awsHttp, region, endpoint).build()) {
                StackOutputs outputs = StackOutputs.read(cloudFormation, StageTemplates.stackName(templates.stage, "StreamProcessor"));
                bucketName = bucketName != null ? bucketName : outputs.get(BUCKET_OUTPUT);
                alias = alias != null ? alias : outputs.get(ALIAS_OUTPUT);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (S3Client s3 = Clients.inAws(S3Client.builder(), awsHttp, region, endpoint).build();
             LambdaClient lambda = Clients.inAws(LambdaClient.builder(), awsHttp, region, endpoint).build()) {
            FailedBatchesBucket parked = new FailedBatchesBucket(s3, bucketName);
            List<String> keys = parked.keys();
            if (keys.isEmpty()) {
                out.println("nothing parked in s3://" + bucketName);
                return 0;
            }
            if (dryRun) {
                return list(keys.stream().map(key -> new Parked(parked.uri(key), parked.read(key))).toList());
            }
            DeployedProcessor processor = new DeployedProcessor(lambda, alias);
            Tally tally = new Tally();
            List<String> kept = new ArrayList<>();
            for (String key : keys) {
                ParkedBatch batch;
                try {
                    batch = parked.read(key);
                } catch (IllegalArgumentException unreadable) {
                    kept.add("unreadable " + unreadable.getMessage());
                    continue;
                }
                ArrayNode failing = tally.count(batch, replay(batch, processor, region));
                if (failing.isEmpty()) {
                    parked.delete(key);
                } else {
                    kept.add("kept " + parked.uri(key) + ": " + failing.size() + " of " + batch.records().size() + " record(s) still fail");
                }
            }
            out.println(tally.summary(alias) + "; " + (keys.size() - kept.size()) + " object(s) deleted, "
                    + kept.size() + " kept in s3://" + bucketName);
            kept.forEach(line -> out.println("  " + line));
            return kept.isEmpty() ? 0 : 1;
        }
    }

    private static ArrayNode replay(ParkedBatch batch, DeployedProcessor processor, Region region) {
        try {
            return batch.replay(processor);
        } catch (ResourceNotFoundException e) {
            throw new IllegalArgumentException("function " + processor.function() + " not found in " + region
                    + "; expected the stage's stream processor alias (output " + ALIAS_OUTPUT + ")");
        }
    }

    private record Parked(String source, ParkedBatch batch) {
    }

    private int list(List<Parked> parked) {
        Output output = new Output("source", "records", "reason", "parked_at");
        parked.forEach(entry -> output.row(entry.source(), entry.batch().records().size(), entry.batch().reason(), entry.batch().parkedAt()));
        output.print(spec.commandLine().getOut(), format.json);
        return 0;
    }

    /** Batches and records replayed, and records that still fail. */
    private static final class Tally {
        int batches;
        int records;
        int stillFailing;

        ArrayNode count(ParkedBatch batch, ArrayNode failing) {
            batches++;
            records += batch.records().size();
            stillFailing += failing.size();
            return failing;
        }

        String summary(String through) {
            return "redrove " + batches + " batch(es), " + records + " record(s) through " + through + ": "
                    + (records - stillFailing) + " processed, " + stillFailing + " still failing";
        }
    }

    private static List<ParkedBatch> readLines(Path parked) {
        try {
            if (!Files.exists(parked)) {
                return List.of();
            }
            List<String> lines = Files.readAllLines(parked, StandardCharsets.UTF_8);
            List<ParkedBatch> batches = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    batches.add(ParkedBatch.parse(lines.get(i), parked + " line " + (i + 1)));
                }
            }
            return batches;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + parked, e);
        }
    }

    /** Replaces the file with the batches still failing, in one rename, so an interrupted redrive loses nothing. */
    private static void rewrite(Path parked, List<String> kept) {
        try {
            Path next = parked.resolveSibling(parked.getFileName() + ".redrive");
            Files.write(next, kept, StandardCharsets.UTF_8);
            Files.move(next, parked, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + parked, e);
        }
    }
}
