package com.cruddur.messaging.local.preflight;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Check 6: the tasks' security group lets the backend reach the database {@code CONNECTION_URL} names, as the stage's
 * {@code backend.database} setting allows it: egress on the port to a network, or to the security group of an RDS
 * instance in the VPC. The URL's value holds a password, so only its host and port are ever shown.
 */
final class DatabaseReachCheck {

    static final String SUBJECT = "database";
    static final int POSTGRES_PORT = 5432;
    static final String SETTING = "backend.database in stages.local.json";

    private DatabaseReachCheck() {
    }

    /** {@code connectionUrl} is the parameter's decrypted value, empty when it could not be read. */
    static CheckResult check(Optional<String> connectionUrl, List<EgressRule> egress) {
        if (connectionUrl.isEmpty()) {
            return CheckResult.fail(SUBJECT, "cannot read " + BackendTemplate.CONNECTION_URL + ", so the database's address is unknown",
                    "create the parameter (see the " + ConnectionParameterCheck.SUBJECT + " line)");
        }
        Optional<URI> url = parse(connectionUrl.get());
        if (url.isEmpty()) {
            return CheckResult.fail(SUBJECT, BackendTemplate.CONNECTION_URL + " is not a URL with a host (expected postgresql://USER:PASSWORD@HOST:PORT/DB)",
                    "put the database's URL in the parameter (aws ssm put-parameter --overwrite ...)");
        }
        String host = url.get().getHost();
        int port = url.get().getPort() > 0 ? url.get().getPort() : POSTGRES_PORT;
        List<EgressRule> toPort = egress.stream().filter(rule -> rule.allowsTcp(port)).toList();
        String cidrs = String.join(", ", toPort.stream().map(EgressRule::destination).toList());
        if (toPort.isEmpty()) {
            return CheckResult.fail(SUBJECT, "the tasks' security group allows no egress to port " + port + " (" + host + ":" + port + ")",
                    "set " + SETTING + " to the database's network" + (EgressRule.ipv4(host).isPresent() ? ", e.g. {\"cidr\": \"" + host
                            + "/32\", \"port\": " + port + "}" : "") + ", or to its RDS security group");
        }
        Optional<EgressRule> securityGroup = toPort.stream().filter(EgressRule::toSecurityGroup).findFirst();
        if (securityGroup.isPresent()) {
            return CheckResult.pass(SUBJECT, "the tasks may reach port " + port + " of security group " + securityGroup.get().destination()
                    + " (an RDS instance in the VPC; that " + host + " is in it cannot be checked offline)");
        }
        if (EgressRule.ipv4(host).isEmpty()) {
            return CheckResult.pass(SUBJECT, "the tasks may reach port " + port + " in " + cidrs + "; " + host
                    + " is a host name, and whether it resolves inside that range cannot be checked offline");
        }
        if (toPort.stream().noneMatch(rule -> rule.contains(host))) {
            return CheckResult.fail(SUBJECT, host + ":" + port + " is outside the tasks' egress to port " + port + " (" + cidrs + ")",
                    "set " + SETTING + " to a range that holds " + host + ", e.g. {\"cidr\": \"" + host + "/32\", \"port\": " + port + "}");
        }
        return CheckResult.pass(SUBJECT, "the tasks may reach " + host + ":" + port + " (egress to " + cidrs + ")");
    }

    private static Optional<URI> parse(String value) {
        try {
            URI uri = new URI(value.trim());
            return Optional.ofNullable(uri.getHost()).map(host -> uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
