package com.cruddur.messaging.config;

/** A stage setting in {@code cdk.json} that cannot be used; the message names key, value and what is allowed. */
public final class InvalidStageConfigException extends IllegalArgumentException {

    public InvalidStageConfigException(String message) {
        super(message);
    }
}
