package com.cruddur.messaging.harness.stream;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A DynamoDB stream event and the function's response across the JSON boundary, with the serializers AWS's Java
 * runtime picks (its event serializer for a Lambda event type, its Jackson factory otherwise): a handler called in
 * the test JVM gets from the event JSON exactly the objects Lambda would give it.
 */
public final class LambdaJson {

    private static final PojoSerializer<Object> EVENTS = serializer(DynamodbEvent.class);
    private static final PojoSerializer<Object> RESPONSES = serializer(StreamsEventResponse.class);

    private LambdaJson() {
    }

    /** The event {@code json} as the runtime hands it to a {@code RequestHandler<DynamodbEvent, ?>}. */
    public static DynamodbEvent event(String json) {
        return (DynamodbEvent) EVENTS.fromJson(json);
    }

    /** The event a handler gets when Lambda delivers {@code records} of the stream {@code streamArn}. */
    public static DynamodbEvent event(List<Record> records, String streamArn) {
        return event(LambdaRecords.toEvent(records, streamArn));
    }

    /** The handler's response as the runtime sends it back. */
    public static String response(StreamsEventResponse response) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        RESPONSES.toJson(response, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PojoSerializer<Object> serializer(Type type) {
        Class clazz = (Class) type;
        return LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())
                ? LambdaEventSerializers.serializerFor(clazz, LambdaJson.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }
}
