package com.cruddur.messaging.references;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A stack whose values other stacks read through weak references ({@code Fn::GetStackOutput}). CloudFormation resolves
 * such a reference only when the reading stack is deployed, and {@code cdk deploy} skips a stack whose template did not
 * change, so a new value in the producer would never reach a consumer whose own template stayed the same.
 * <p>
 * So each value is published under an output whose name carries the stack's {@link PublishedVersion}: the output CDK
 * looks up for the reference ({@code Publish/Output<resolved value>}) is created here first, with that name. A change
 * that can alter a published value changes its output name, hence every consumer template that names it, and their next
 * deploy reads the new value.
 */
public abstract class PublishingStack extends Stack {

    /** Where CDK puts the outputs of weak references, and how it names each (core/lib/private/refs.js, createGetStackOutput). */
    private static final String PUBLISH_SCOPE = "Publish";
    private static final String OUTPUT_PREFIX = "Output";

    private final PublishedVersion version;

    protected PublishingStack(Construct scope, String id, StackProps props, PublishedVersion version) {
        super(scope, id, props);
        this.version = version;
    }

    public PublishedVersion publishedVersion() {
        return version;
    }

    /** Publishes {@code value}, a token of a resource of this stack that another stack reads, under a versioned output name. */
    protected final void publish(String value) {
        IConstruct found = getNode().tryFindChild(PUBLISH_SCOPE);
        Construct scope = found instanceof Construct existing ? existing : new Construct(this, PUBLISH_SCOPE);
        CfnOutput output = CfnOutput.Builder.create(scope, OUTPUT_PREFIX + json(resolve(value))).value(value).build();
        output.overrideLogicalId(getLogicalId(output) + "V" + version.id());
    }

    /** {@code JSON.stringify} of a resolved token ({@code {"Ref":...}}, {@code {"Fn::GetAtt":[...]}}), as CDK keys the output. */
    private static String json(Object resolved) {
        if (resolved instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> json(String.valueOf(entry.getKey())) + ":" + json(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (resolved instanceof List<?> list) {
            return list.stream().map(PublishingStack::json).collect(Collectors.joining(",", "[", "]"));
        }
        return "\"" + String.valueOf(resolved).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
