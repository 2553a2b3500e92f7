package com.cruddur.messaging.local.preflight;

import java.util.List;

/** What ACM says about a certificate: its status and the names it is valid for. */
record CertificateFacts(String status, String domainName, List<String> alternativeNames) {
}
