package com.cruddur.messaging.local.support;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.cruddur.messaging.local.stream.StreamPump.StreamFunction;

/**
 * A handler called inside the test JVM behind the JSON boundary the pump invokes, with the serializers
 * AWS's runtime picks (the runtime's event serializer for a Lambda event type, its Jackson factory
 * otherwise), so tests of the pump can script the function's behaviour in Java.
 */
public final class InProcessFunction {

    private InProcessFunction() {
    }

    public static StreamFunction of(RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        PojoSerializer<Object> events = serializer(DynamodbEvent.class);
        PojoSerializer<Object> responses = serializer(StreamsEventResponse.class);
        return event -> {
            StreamsEventResponse response = handler.handleRequest((DynamodbEvent) events.fromJson(event), null);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            responses.toJson(response, json);
            return json.toString(StandardCharsets.UTF_8);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PojoSerializer<Object> serializer(Type type) {
        Class clazz = (Class) type;
        return LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())
                ? LambdaEventSerializers.serializerFor(clazz, InProcessFunction.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }
}
