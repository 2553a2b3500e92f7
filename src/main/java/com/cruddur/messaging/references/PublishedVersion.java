package com.cruddur.messaging.references;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a published value depends on, as named inputs (a stage setting, or a code constant that shapes the resource),
 * and a short id of them. Two stages of one input set get the same id; any changed input gives a new id.
 */
public record PublishedVersion(Map<String, String> inputs) {

    public PublishedVersion {
        inputs = new TreeMap<>(inputs);
    }

    /** The first 8 hex digits of the SHA-256 of the inputs, rendered one {@code name=value} per line in name order. */
    public String id() {
        StringBuilder rendered = new StringBuilder();
        inputs.forEach((name, value) -> rendered.append(name).append('=').append(value).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rendered.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A list input rendered in order (the order of availability zones decides which subnet is which). */
    static String list(List<String> values) {
        return String.join(",", values);
    }
}
