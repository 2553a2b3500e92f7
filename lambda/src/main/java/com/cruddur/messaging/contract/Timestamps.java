package com.cruddur.messaging.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The SPEC §4 timestamp: UTC, exactly six fractional digits, explicit {@code +00:00}, e.g.
 * {@code 2026-11-24T10:57:11.658279+00:00}. Fixed width is the point: it makes string order (the
 * order DynamoDB sorts {@code sk} in) equal time order, and it is what the Python backend writes.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'");
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00");

    private Timestamps() {
    }

    /** Formats {@code instant}, truncated to microseconds (the precision of the format). */
    public static String format(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (micros.isBefore(Instant.parse("0000-01-01T00:00:00Z")) || !micros.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
            throw new IllegalArgumentException("timestamp " + instant + " is out of range; expected a year from 0000 to 9999");
        }
        return FORMAT.format(micros.atOffset(ZoneOffset.UTC));
    }

    /** Parses a timestamp of exactly the SPEC §4 shape; anything else is rejected, naming the value. */
    public static Instant parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("timestamp \"" + text
                    + "\" is malformed; expected UTC with six fractional digits and +00:00, e.g. 2026-11-24T10:57:11.658279+00:00");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp \"" + text + "\" is not a valid date or time: " + e.getMessage(), e);
        }
    }
}
