package com.cruddur.messaging.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps (SPEC §4). What this project writes is one canonical form: UTC, exactly six fractional
 * digits, explicit {@code +00:00}, e.g. {@code 2026-11-24T10:57:11.658279+00:00}; fixed width makes its
 * string order (the order DynamoDB sorts {@code sk} in) equal time order.
 *
 * <p>What it reads is whatever real writers write: any ISO-8601 date-time with an offset. The Python
 * backend's {@code datetime.now(timezone.utc).astimezone().isoformat()} carries the host's offset
 * ({@code 2026-11-25T19:04:31.123456+01:00}) and drops the fraction when the microseconds are 0
 * ({@code 2026-11-25T18:04:31+00:00}); other clients write {@code Z} and milliseconds. Such strings do not
 * sort in time order, so they are compared as instants, never as strings.
 */
public final class Timestamps {

    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'");

    private Timestamps() {
    }

    /** The canonical form of {@code instant}, truncated to microseconds (the precision of the form). */
    public static String format(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (micros.isBefore(Instant.parse("0000-01-01T00:00:00Z")) || !micros.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
            throw new IllegalArgumentException("timestamp " + instant + " is out of range; expected a year from 0000 to 9999");
        }
        return CANONICAL.format(micros.atOffset(ZoneOffset.UTC));
    }

    /**
     * The instant of any ISO-8601 date-time with an offset ({@code Z}, {@code +01:00}, {@code -05:00}; no
     * fraction, milli-, micro- or nanoseconds). A value without an offset names no instant and is rejected,
     * as is anything that is not a date-time; the message names the value.
     */
    public static Instant parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("timestamp is missing; expected an ISO-8601 date-time with an offset, e.g. "
                    + "2026-11-24T10:57:11.658279+00:00");
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp \"" + text + "\" is not an ISO-8601 date-time with an offset; expected e.g. "
                    + "2026-11-24T10:57:11.658279+00:00, 2026-11-25T19:04:31+01:00 or 2026-11-25T18:04:31.123Z", e);
        }
    }

    /** The canonical form of the instant {@code text} names, whatever form it is written in. */
    public static String canonical(String text) {
        return format(parse(text));
    }
}
