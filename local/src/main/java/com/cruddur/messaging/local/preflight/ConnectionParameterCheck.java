package com.cruddur.messaging.local.preflight;

import java.util.Optional;

/**
 * Check 4: the {@code CONNECTION_URL} parameter the task definition's secret names exists, is a SecureString and is
 * encrypted with the AWS managed key: the task execution role may read the parameter and decrypt with that key only.
 */
final class ConnectionParameterCheck {

    static final String SUBJECT = BackendTemplate.CONNECTION_URL;
    static final String SECURE_STRING = "SecureString";
    static final String MANAGED_KEY = "alias/aws/ssm";

    private ConnectionParameterCheck() {
    }

    static CheckResult check(String name, Optional<ParameterFacts> parameter, String region) {
        String put = "aws ssm put-parameter --region " + region + " --name " + name + " --type " + SECURE_STRING + " --key-id " + MANAGED_KEY;
        if (parameter.isEmpty()) {
            return CheckResult.fail(SUBJECT, "no SSM parameter " + name + " in " + region,
                    put + " --value 'postgresql://USER:PASSWORD@HOST:5432/cruddur'");
        }
        ParameterFacts facts = parameter.get();
        if (SECURE_STRING.equals(facts.type()) && MANAGED_KEY.equals(facts.keyId())) {
            return CheckResult.pass(SUBJECT, name + " is a " + SECURE_STRING + " encrypted with " + MANAGED_KEY);
        }
        String is = SECURE_STRING.equals(facts.type()) ? "a " + SECURE_STRING + " encrypted with " + facts.keyId() : "a " + facts.type();
        // The value moves through a shell variable so it is never typed or shown; a parameter's type changes only by re-creating it.
        return CheckResult.fail(SUBJECT, name + " is " + is + "; the task execution role can only read a " + SECURE_STRING
                + " encrypted with " + MANAGED_KEY,
                "V=$(aws ssm get-parameter --region " + region + " --name " + name + " --with-decryption --query Parameter.Value --output text)"
                        + " && aws ssm delete-parameter --region " + region + " --name " + name + " && " + put + " --value \"$V\"");
    }
}
