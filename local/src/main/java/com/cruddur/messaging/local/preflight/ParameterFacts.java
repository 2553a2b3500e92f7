package com.cruddur.messaging.local.preflight;

/** An SSM parameter's type ({@code String}, {@code StringList}, {@code SecureString}) and, for a SecureString, its KMS key. */
record ParameterFacts(String type, String keyId) {
}
