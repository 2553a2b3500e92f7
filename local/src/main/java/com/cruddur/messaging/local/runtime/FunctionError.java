package com.cruddur.messaging.local.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the runtime reported instead of a response: a function error (the handler threw), an init error
 * (the handler could not be loaded or constructed, or SnapStart's beforeCheckpoint failed) or a restore
 * error. As from Lambda's Invoke API, the message carries the runtime's {@code errorType} and {@code errorMessage}.
 */
public final class FunctionError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kind;
    private final String errorType;

    public FunctionError(String kind, String errorType, String errorMessage) {
        super(kind + " " + errorType + ": " + errorMessage);
        this.kind = kind;
        this.errorType = errorType;
    }

    /** From a Runtime API error body ({@code {"errorMessage", "errorType", "stackTrace"}}) and its error-type header. */
    static FunctionError from(String kind, String errorTypeHeader, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(text);
            String errorType = error.path("errorType").asText(errorTypeHeader == null ? "Unknown" : errorTypeHeader);
            return new FunctionError(kind, errorType, error.path("errorMessage").asText(text));
        } catch (IOException notJson) {
            return new FunctionError(kind, errorTypeHeader == null ? "Unknown" : errorTypeHeader, text);
        }
    }

    /** "function error", "init error", "restore error", or "runtime exited" / "timeout". */
    public String kind() {
        return kind;
    }

    /** The runtime's error type, e.g. {@code java.lang.IllegalStateException} or {@code Runtime.ExitError}. */
    public String errorType() {
        return errorType;
    }
}
