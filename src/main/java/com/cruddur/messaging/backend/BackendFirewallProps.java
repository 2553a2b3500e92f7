package com.cruddur.messaging.backend;

import com.cruddur.messaging.config.FirewallSettings;

import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;

/**
 * @param webAclName   the web ACL's physical name and CloudWatch metric name ({@code StageNames.backendFirewall},
 *                     {@code cruddur-<stage>-backend}); unique per account, region and scope, so it carries the stage
 * @param settings     the stage's rate limit per IP address and its evaluation window ({@code backend.firewall})
 * @param loadBalancer the internet-facing load balancer the web ACL is associated with
 */
public record BackendFirewallProps(
        String webAclName,
        FirewallSettings settings,
        IApplicationLoadBalancer loadBalancer) {
}
