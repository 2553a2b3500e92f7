package com.cruddur.messaging.local.support;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.harness.stream.LambdaJson;
import com.cruddur.messaging.local.stream.StreamPump.StreamFunction;

/**
 * A handler called inside the test JVM behind the JSON boundary the pump invokes, with the serializers
 * AWS's runtime picks ({@link LambdaJson}), so tests of the pump can script the function's behaviour in Java.
 */
public final class InProcessFunction {

    private InProcessFunction() {
    }

    public static StreamFunction of(RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        return event -> LambdaJson.response(handler.handleRequest(LambdaJson.event(event), null));
    }
}
