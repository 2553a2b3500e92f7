package com.cruddur.messaging.local.preflight;

/**
 * The outcome of one preflight check, printed as one line: {@code ✔ subject: finding} or
 * {@code ✘ subject: finding — fix: what to run or change}. A failure always carries its fix, so the operator never has
 * to work out the next step.
 */
public record CheckResult(boolean passed, String subject, String finding, String fix) {

    public static CheckResult pass(String subject, String finding) {
        return new CheckResult(true, subject, finding, "");
    }

    public static CheckResult fail(String subject, String finding, String fix) {
        if (fix.isBlank()) {
            throw new IllegalArgumentException("a failed check must say how to fix it: " + subject + ": " + finding);
        }
        return new CheckResult(false, subject, finding, fix);
    }

    public String line() {
        return passed ? "✔ " + subject + ": " + finding : "✘ " + subject + ": " + finding + " — fix: " + fix;
    }
}
