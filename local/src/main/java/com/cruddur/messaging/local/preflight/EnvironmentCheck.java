package com.cruddur.messaging.local.preflight;

/** Check 1: the caller's account and region are the stage's environment (any, for an environment-agnostic stage). */
final class EnvironmentCheck {

    static final String SUBJECT = "environment";

    private EnvironmentCheck() {
    }

    static CheckResult check(String stage, StageEnvironment environment, String callerAccount, String callerRegion) {
        String caller = callerAccount + "/" + callerRegion;
        if (environment.account().isEmpty() && environment.region().isEmpty()) {
            return CheckResult.pass(SUBJECT, "stage " + stage + " is environment-agnostic; deploys to " + caller);
        }
        String account = environment.account().orElse(callerAccount);
        String region = environment.region().orElse(callerRegion);
        if (account.equals(callerAccount) && region.equals(callerRegion)) {
            return CheckResult.pass(SUBJECT, "caller " + caller + " is stage " + stage + "'s environment");
        }
        String fix = account.equals(callerAccount) ? "pass --region " + region
                : "use credentials of account " + account + " (AWS_PROFILE=...)" + (region.equals(callerRegion) ? "" : " and --region " + region);
        return CheckResult.fail(SUBJECT, "caller is " + caller + " but stage " + stage + " deploys to " + account + "/" + region, fix);
    }
}
