package com.cruddur.messaging.backend;

import com.cruddur.messaging.config.DatabaseAccess;
import com.cruddur.messaging.network.Network;

import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.constructs.Construct;

/**
 * The backend's two security groups and the one path between them (SPEC §5): the load balancer's admits the internet
 * on its listener ports only (its listeners open them) and sends to the tasks on {@value BackendService#CONTAINER_PORT}
 * only; the tasks' admits the load balancer on that port only and sends HTTPS out (ECR, SSM, CloudWatch Logs, Cognito's
 * signing keys; DynamoDB goes through the gateway endpoint) and, where the stage names its database, Postgres.
 *
 * <p>Both groups are created in {@link BackendService}'s own scope, so they keep its construct paths and logical ids.
 */
final class BackendSecurityGroups {

    private BackendSecurityGroups() {
    }

    /** The load balancer's group, with no rule yet: the listeners add the internet's, {@link #forTasks} the tasks'. */
    static SecurityGroup forLoadBalancer(Construct scope, IVpc vpc) {
        return SecurityGroup.Builder.create(scope, "LoadBalancerSecurityGroup")
                .vpc(vpc)
                .description("backend-flask load balancer: HTTP(S) from the internet, 4567 to the tasks only")
                .allowAllOutbound(false)
                .build();
    }

    /** The tasks' group, with both ends of the path from {@code loadBalancer} to the tasks. */
    static SecurityGroup forTasks(Construct scope, IVpc vpc, DatabaseAccess database, SecurityGroup loadBalancer) {
        SecurityGroup tasks = SecurityGroup.Builder.create(scope, "ServiceSecurityGroup")
                .vpc(vpc)
                .description("backend-flask tasks: 4567 from the load balancer; HTTPS and Postgres out")
                .allowAllOutbound(false)
                .build();
        tasks.addEgressRule(Peer.anyIpv4(), Port.tcp(443),
                "HTTPS to ECR, SSM, CloudWatch Logs and Cognito; DynamoDB goes through the gateway endpoint");
        Network.allowDatabase(scope, tasks, database, "backend-flask tasks");
        // Made before the listener registers the tasks as its targets, which asks for the same two rules: each rule is made
        // once, with the first description given.
        tasks.addIngressRule(loadBalancer, Port.tcp(BackendService.CONTAINER_PORT), "backend-flask from its load balancer");
        loadBalancer.addEgressRule(tasks, Port.tcp(BackendService.CONTAINER_PORT), "backend-flask tasks");
        return tasks;
    }
}
