package com.cruddur.messaging.harness.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Java function as the synthesized template deploys it: the asset file {@code cdk synth} staged for
 * its code, and the settings Lambda runs it with.
 *
 * @param logicalId   the function's logical id in its stack
 * @param name        its {@code FunctionName}, or the logical id where the template leaves naming to CloudFormation
 * @param handler     the handler string, {@code class::method}
 * @param runtime     the Lambda runtime identifier, e.g. {@code java25}
 * @param memoryMiB   {@code MemorySize}
 * @param timeout     {@code Timeout}
 * @param snapStart   whether SnapStart applies to its published versions (then every invocation runs on a restored snapshot)
 * @param environment its environment variables, with references to other stacks resolved from their templates
 * @param code        the asset file in the cloud assembly, byte for byte what is uploaded
 */
public record LambdaFunction(String logicalId, String name, String handler, String runtime, int memoryMiB, Duration timeout,
                             boolean snapStart, Map<String, String> environment, Path code) {

    public LambdaFunction {
        environment = Map.copyOf(environment);
    }

    /** The Java feature release of the runtime: 25 for {@code java25}. */
    public int javaVersion() {
        if (!runtime.matches("java\\d+")) {
            throw new IllegalArgumentException("function " + name + " runs on " + runtime + ", not a Java runtime (javaNN)");
        }
        return Integer.parseInt(runtime.substring("java".length()));
    }
}
