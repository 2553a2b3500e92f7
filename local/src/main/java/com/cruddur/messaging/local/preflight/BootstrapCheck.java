package com.cruddur.messaging.local.preflight;

import java.util.Optional;

/** Check 2: the CDK bootstrap stack exists in the account and region and is as new as the templates require. */
final class BootstrapCheck {

    static final String SUBJECT = "bootstrap";
    /** The stack {@code cdk bootstrap} creates with the default qualifier, and its output holding the version. */
    static final String STACK = "CDKToolkit";
    static final String VERSION_OUTPUT = "BootstrapVersion";

    private BootstrapCheck() {
    }

    static CheckResult check(Optional<Integer> deployedVersion, int requiredVersion, String account, String region) {
        String where = account + "/" + region;
        String fix = "npx cdk bootstrap aws://" + where;
        if (deployedVersion.isEmpty()) {
            return CheckResult.fail(SUBJECT, "no " + STACK + " stack in " + where, fix);
        }
        if (deployedVersion.get() < requiredVersion) {
            return CheckResult.fail(SUBJECT, STACK + " in " + where + " is version " + deployedVersion.get() + "; the templates need "
                    + requiredVersion, fix);
        }
        return CheckResult.pass(SUBJECT, STACK + " in " + where + " is version " + deployedVersion.get() + " (the templates need "
                + requiredVersion + ")");
    }
}
