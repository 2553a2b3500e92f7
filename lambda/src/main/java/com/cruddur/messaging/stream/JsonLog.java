package com.cruddur.messaging.stream;

import java.io.PrintStream;
import java.util.Map;

/**
 * One JSON object per line, so CloudWatch Logs Insights can filter on fields such as {@code sequenceNumber}.
 * Written by hand rather than with a JSON library: flat objects of strings and numbers need only string
 * escaping, and leaving jackson-core out keeps the Lambda jar within its size budget.
 */
public final class JsonLog {

    private final PrintStream out;

    public JsonLog(PrintStream out) {
        this.out = out;
    }

    /** Writes {@code {"level": level, "event": event, ...fields}}; field values are written as strings, whole numbers or null. */
    public void log(String level, String event, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(128).append('{');
        appendString(line.append("\"level\":"), level);
        appendString(line.append(",\"event\":"), event);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            appendString(line.append(','), field.getKey());
            line.append(':');
            if (field.getValue() == null) {
                line.append("null");
            } else if (field.getValue() instanceof Number number) {
                line.append(number.longValue());
            } else {
                appendString(line, String.valueOf(field.getValue()));
            }
        }
        out.println(line.append('}'));
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped, everything else as is. */
    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
