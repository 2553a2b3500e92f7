package com.cruddur.messaging.local.preflight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Check 5: the HTTPS listener's certificate is issued, lives in the stage's region (a load balancer can only use a
 * certificate of its own region) and covers the backend's host name.
 */
final class CertificateCheck {

    static final String SUBJECT = "certificate";

    private CertificateCheck() {
    }

    /** {@code certificate} is what ACM answered for {@code arn}; empty when it does not know the ARN. */
    static CheckResult check(Optional<String> arn, Optional<String> backendHost, String stageRegion, Optional<CertificateFacts> certificate) {
        if (arn.isEmpty()) {
            return CheckResult.pass(SUBJECT, "none needed (the load balancer listens on plain HTTP)");
        }
        if (backendHost.isEmpty()) {
            return CheckResult.fail(SUBJECT, "the stage serves HTTPS but its backend URL is the load balancer's own name, which no certificate covers",
                    "set backend.backendUrl in stages.local.json to the https:// URL the certificate is for");
        }
        String host = backendHost.get();
        String request = "aws acm request-certificate --region " + stageRegion + " --domain-name " + host
                + " --validation-method DNS, validate it, then set backend.certificateArn in stages.local.json to its ARN";
        if (certificate.isEmpty()) {
            return CheckResult.fail(SUBJECT, "ACM has no certificate " + arn.get(), request);
        }
        CertificateFacts facts = certificate.get();
        String certificateRegion = arn.get().split(":").length > 3 ? arn.get().split(":")[3] : "";
        List<String> problems = new ArrayList<>();
        if (!"ISSUED".equals(facts.status())) {
            problems.add("is " + facts.status() + ", not ISSUED");
        }
        if (!certificateRegion.equals(stageRegion)) {
            problems.add("is in " + certificateRegion + ", not the stage's region " + stageRegion);
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(facts.domainName());
        names.addAll(facts.alternativeNames());
        if (names.stream().noneMatch(name -> covers(name, host))) {
            problems.add("covers " + String.join(", ", names) + ", not " + host);
        }
        if (problems.isEmpty()) {
            return CheckResult.pass(SUBJECT, arn.get() + " is ISSUED in " + stageRegion + " and covers " + host);
        }
        boolean onlyPending = problems.size() == 1 && "PENDING_VALIDATION".equals(facts.status());
        return CheckResult.fail(SUBJECT, arn.get() + " " + String.join("; ", problems),
                onlyPending ? "create the DNS records that aws acm describe-certificate --region " + certificateRegion + " --certificate-arn "
                        + arn.get() + " lists under DomainValidationOptions, and wait for ISSUED" : request);
    }

    /** A name covers the host exactly, or as a wildcard for exactly one label ({@code *.example.com} covers {@code api.example.com}). */
    static boolean covers(String name, String host) {
        String certificateName = name.toLowerCase(Locale.ROOT);
        String hostName = host.toLowerCase(Locale.ROOT);
        if (certificateName.startsWith("*.")) {
            int dot = hostName.indexOf('.');
            return dot > 0 && hostName.substring(dot + 1).equals(certificateName.substring(2));
        }
        return certificateName.equals(hostName);
    }
}
