package com.cruddur.messaging.users;

/**
 * An SSM SecureString (here backend-flask's CONNECTION_URL) read with decryption on first use and kept: one
 * GetParameter per Lambda execution environment rather than per invocation (SSM's standard throughput is 40
 * requests a second per account). A failed read is not kept, so the next use tries again.
 */
public final class SecureStringParameter {

    private final SsmParameterStore ssm;
    private final String name;
    private String value;

    /** @param name the parameter's name or ARN; null when the function was deployed without one */
    public SecureStringParameter(SsmParameterStore ssm, String name) {
        this.ssm = ssm;
        this.name = name;
    }

    /** The decrypted value; throws when the name is missing or SSM does not give the value. */
    public synchronized String value() {
        if (value == null) {
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("no SSM parameter name is configured for the Postgres connection URL");
            }
            value = ssm.secureString(name);
        }
        return value;
    }
}
