package com.cruddur.messaging.local.preflight;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** One egress rule of a security group: protocol, port range, and its destination: an IPv4 CIDR or a security group id. */
record EgressRule(String protocol, int fromPort, int toPort, String destination) {

    /** To a security group (an RDS instance in the VPC): which addresses that means is not in the template. */
    boolean toSecurityGroup() {
        return destination.startsWith("sg-");
    }

    /** Whether a TCP connection to {@code port} is allowed by this rule's protocol and ports. */
    boolean allowsTcp(int port) {
        // IpProtocol -1 is "all traffic"; its ports are ignored.
        return "-1".equals(protocol) || ("tcp".equals(protocol) || "6".equals(protocol)) && fromPort <= port && port <= toPort;
    }

    /** Whether {@code address} (an IPv4 literal) lies inside this rule's CIDR. */
    boolean contains(String address) {
        Optional<Integer> ip = ipv4(address);
        String[] cidrParts = destination.split("/");
        Optional<Integer> network = ipv4(cidrParts[0]);
        if (ip.isEmpty() || network.isEmpty() || cidrParts.length != 2) {
            return false;
        }
        int bits = Integer.parseInt(cidrParts[1]);
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        return (ip.get() & mask) == (network.get() & mask);
    }

    /** The address of an IPv4 literal such as {@code 10.0.1.5}; empty for a hostname (never resolved: no DNS lookups). */
    static Optional<Integer> ipv4(String literal) {
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return Optional.of((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
