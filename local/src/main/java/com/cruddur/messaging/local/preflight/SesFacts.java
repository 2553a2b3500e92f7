package com.cruddur.messaging.local.preflight;

/** What SES says about a sending identity and about the account in one region. */
final class SesFacts {

    private SesFacts() {
    }

    /** {@code status} is SES's VerificationStatus (SUCCESS, PENDING, FAILED, ...). */
    record Identity(boolean verifiedForSending, String status) {
    }

    /** {@code max24HourSend} -1 means no daily limit. */
    record Account(boolean productionAccess, boolean sendingEnabled, double max24HourSend) {
    }
}
