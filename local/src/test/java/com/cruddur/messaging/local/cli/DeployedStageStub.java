package com.cruddur.messaging.local.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.runtime.FunctionError;
import com.cruddur.messaging.local.stream.StreamPump.StreamFunction;
import com.cruddur.messaging.local.support.StubAwsHttp;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What AWS answers a redrive of a deployed stage, over {@link StubAwsHttp}: CloudFormation's DescribeStacks with the
 * outputs the synthesized StreamProcessor template declares (so a renamed output fails here as it would in AWS), S3
 * for a failed-batches bucket held in memory, and Lambda's Invoke for the alias, which runs {@code alias} (in the tests
 * the deployed jar under AWS's runtime client, against DynamoDB Local).
 */
final class DeployedStageStub implements StubAwsHttp.Responder {

    static final String BUCKET = "cruddur-dev-streamprocessor-streamprocessorfailedbat-1q2w3e4r5t6y";
    static final String ALIAS = "arn:aws:lambda:us-east-1:123456789012:function:cruddur-dev-messaging-stream:live";
    private static final String XML = "text/xml";

    /** Keys and bodies of the parked objects; a DeleteObject removes one. */
    final Map<String, String> objects = new TreeMap<>();
    private final String stackName;
    private final Set<String> outputKeys;
    private final StreamFunction alias;

    DeployedStageStub(Path cdkOut, String stage, StreamFunction alias) {
        this.stackName = StageTemplates.stackName(stage, "StreamProcessor");
        this.outputKeys = declaredOutputs(cdkOut.resolve(stackName + ".template.json"));
        this.alias = alias;
    }

    @Override
    public StubAwsHttp.Answer answer(StubAwsHttp.Call call) {
        if (call.body().contains("Action=DescribeStacks")) {
            return describeStacks(call.body());
        }
        if (call.path().startsWith("/2015-03-31/functions/")) {
            return invoke(call);
        }
        return s3(call);
    }

    private StubAwsHttp.Answer describeStacks(String body) {
        if (!body.contains("StackName=" + stackName)) {
            return new StubAwsHttp.Answer(400, XML, Map.of(), "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>"
                    + "<Message>Stack with id " + body.replaceAll(".*StackName=([^&]*).*", "$1") + " does not exist</Message></Error>"
                    + "<RequestId>r</RequestId></ErrorResponse>");
        }
        StringBuilder outputs = new StringBuilder();
        for (String key : outputKeys) {
            String value = switch (key) {
                case Redrive.BUCKET_OUTPUT -> BUCKET;
                case Redrive.ALIAS_OUTPUT -> ALIAS;
                default -> "unused";
            };
            outputs.append("<member><OutputKey>").append(key).append("</OutputKey><OutputValue>").append(value).append("</OutputValue></member>");
        }
        return StubAwsHttp.Answer.ok(XML, "<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                + "<DescribeStacksResult><Stacks><member><StackName>" + stackName + "</StackName><StackStatus>UPDATE_COMPLETE</StackStatus>"
                + "<CreationTime>2026-11-20T10:00:00.000Z</CreationTime><Outputs>" + outputs + "</Outputs></member></Stacks>"
                + "</DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>");
    }

    private StubAwsHttp.Answer invoke(StubAwsHttp.Call call) {
        String function = call.path().substring("/2015-03-31/functions/".length(), call.path().lastIndexOf("/invocations"));
        if (!ALIAS.equals(function)) {
            return new StubAwsHttp.Answer(404, "application/json", Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
                    "{\"Type\":\"User\",\"message\":\"Function not found: " + function + "\"}");
        }
        try {
            return StubAwsHttp.Answer.ok("application/json", alias.invoke(call.body()));
        } catch (FunctionError e) {
            return new StubAwsHttp.Answer(200, "application/json", Map.of("X-Amz-Function-Error", "Unhandled"),
                    "{\"errorType\":\"" + e.errorType() + "\",\"errorMessage\":\"failed\"}");
        }
    }

    /** The bucket in the host (virtual-hosted style, the SDK's default) or first in the path (path style). */
    private StubAwsHttp.Answer s3(StubAwsHttp.Call call) {
        String key;
        if (call.host().startsWith(BUCKET + ".")) {
            key = call.path().substring(1);
        } else if (call.path().equals("/" + BUCKET) || call.path().startsWith("/" + BUCKET + "/")) {
            key = call.path().substring(BUCKET.length() + 1).replaceFirst("^/", "");
        } else {
            return new StubAwsHttp.Answer(404, XML, Map.of(), "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist"
                    + "</Message></Error>");
        }
        if ("GET".equals(call.method()) && key.isEmpty()) {
            StringBuilder contents = new StringBuilder();
            objects.forEach((name, body) -> contents.append("<Contents><Key>").append(name).append("</Key><Size>")
                    .append(body.length()).append("</Size></Contents>"));
            return StubAwsHttp.Answer.ok(XML, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET
                    + "</Name><KeyCount>" + objects.size() + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                    + contents + "</ListBucketResult>");
        }
        if ("GET".equals(call.method()) && objects.containsKey(key)) {
            return StubAwsHttp.Answer.ok("application/json", objects.get(key));
        }
        if ("DELETE".equals(call.method())) {
            objects.remove(key);
            return new StubAwsHttp.Answer(204, XML, Map.of(), "");
        }
        return new StubAwsHttp.Answer(404, XML, Map.of(), "<Error><Code>NoSuchKey</Code><Message>no " + key + "</Message></Error>");
    }

    private static Set<String> declaredOutputs(Path template) {
        try {
            Set<String> keys = new TreeSet<>();
            new ObjectMapper().readTree(Files.readString(template)).path("Outputs").fieldNames().forEachRemaining(keys::add);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
