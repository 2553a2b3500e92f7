package com.cruddur.messaging.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** One JSON object per line, so CloudWatch Logs Insights can filter on fields such as {@code sequenceNumber}. */
public final class JsonLog {

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;

    public JsonLog(PrintStream out) {
        this.out = out;
    }

    /** Writes {@code {"level": level, "event": event, ...fields}}; field values are written as strings or numbers. */
    public void log(String level, String event, Map<String, ?> fields) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("level", level);
            json.writeStringField("event", event);
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                if (field.getValue() instanceof Number number) {
                    json.writeNumberField(field.getKey(), number.longValue());
                } else {
                    json.writeStringField(field.getKey(), String.valueOf(field.getValue()));
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
    }
}
