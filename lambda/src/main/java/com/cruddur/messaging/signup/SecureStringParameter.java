package com.cruddur.messaging.signup;

import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * An SSM SecureString read on first use and kept for the life of the execution environment: one GetParameter
 * per cold start rather than per sign-up (SSM's standard throughput is 40 requests a second per account). A
 * failed read is not kept, so the next invocation tries again.
 */
final class SecureStringParameter {

    private final SsmClient ssm;
    private final String name;
    private String value;

    /** @param name the parameter's name or ARN; null when the function was deployed without one */
    SecureStringParameter(SsmClient ssm, String name) {
        this.ssm = ssm;
        this.name = name;
    }

    /** The decrypted value; throws when the name is missing or SSM does not give the value. */
    synchronized String value() {
        if (value == null) {
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("environment variable " + PostConfirmationHandler.CONNECTION_URL_PARAMETER + " is not set");
            }
            value = ssm.getParameter(request -> request.name(name).withDecryption(true)).parameter().value();
        }
        return value;
    }
}
