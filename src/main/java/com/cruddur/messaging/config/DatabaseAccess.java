package com.cruddur.messaging.config;

/**
 * How the backend (and the sign-up trigger) reach the Postgres of {@code CONNECTION_URL}, whose credentials stay in
 * that SecureString: through the security group of an RDS instance in this VPC, or to a network elsewhere (such as the
 * bootcamp's publicly reachable RDS).
 */
public sealed interface DatabaseAccess {

    int DEFAULT_PORT = 5432;

    int port();

    /** An RDS instance in this VPC: the app adds the ingress rule to its security group and the egress rule to it. */
    record InVpcSecurityGroup(String securityGroupId, int port) implements DatabaseAccess {
    }

    /** A database outside this VPC, reached through the internet gateway or the NAT: egress to this network only. */
    record Network(String cidr, int port) implements DatabaseAccess {
    }
}
