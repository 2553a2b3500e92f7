package com.cruddur.messaging.backend;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * AWS WAF on the backend's internet-facing Application Load Balancer (issue 14): a regional web ACL that allows what no
 * rule blocks, with three rules evaluated in this order:
 * <ol>
 *   <li>{@value #COMMON_RULES}, AWS's core rule set (OWASP-style injection, XSS, path traversal, bad bots, size limits);</li>
 *   <li>{@value #KNOWN_BAD_INPUTS}, request patterns of known exploits (Log4j, Java deserialization, exploitable paths);</li>
 *   <li>{@value #RATE_LIMIT}, which blocks an IP address that sends more than the stage's {@code backend.firewall.rateLimit}
 *       requests within {@code rateWindowSeconds}, until its rate falls below the limit.</li>
 * </ol>
 * The managed groups keep AWS's own actions (block) and default version, so AWS updates their signatures. Every rule and
 * the web ACL publish CloudWatch metrics ({@code AWS/WAFV2}, dimensions {@code Region}, {@code Rule}, {@code WebACL}) and
 * keep sampled requests. The core rule set's {@code SizeRestrictions_BODY} (bodies over 8 KB) stays on Block: backend-flask's
 * largest body is a message of at most 1024 characters in a small JSON object (README, Web application firewall).
 */
public final class BackendFirewall extends Construct {

    /** Rule names, each also the rule's CloudWatch metric name (the {@code Rule} dimension). */
    public static final String COMMON_RULES = "AWSManagedRulesCommonRuleSet";
    public static final String KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";
    public static final String RATE_LIMIT = "RateLimitPerIp";
    /** The rules in the order the web ACL evaluates them (their priorities 0, 1, 2). */
    public static final List<String> RULES = List.of(COMMON_RULES, KNOWN_BAD_INPUTS, RATE_LIMIT);

    private static final String AWS_VENDOR = "AWS";

    private final CfnWebACL webAcl;
    private final String webAclName;

    public BackendFirewall(Construct scope, String id, BackendFirewallProps props) {
        super(scope, id);
        this.webAclName = props.webAclName();
        this.webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .name(webAclName)
                // CloudFormation allows no apostrophe in a web ACL's description.
                .description("backend-flask load balancer: AWS managed common and known-bad-inputs rules, then "
                        + props.settings().rateLimit() + " requests per IP address in " + props.settings().rateWindowSeconds() + " s")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(webAclName))
                .rules(List.of(
                        managedRuleGroup(COMMON_RULES, 0),
                        managedRuleGroup(KNOWN_BAD_INPUTS, 1),
                        CfnWebACL.RuleProperty.builder()
                                .name(RATE_LIMIT)
                                .priority(2)
                                .statement(CfnWebACL.StatementProperty.builder()
                                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                                .aggregateKeyType("IP")
                                                .limit(props.settings().rateLimit())
                                                .evaluationWindowSec(props.settings().rateWindowSeconds())
                                                .build())
                                        .build())
                                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                                .visibilityConfig(visibility(RATE_LIMIT))
                                .build()))
                .build();
        CfnWebACLAssociation.Builder.create(this, "LoadBalancer")
                .resourceArn(props.loadBalancer().getLoadBalancerArn())
                .webAclArn(webAcl.getAttrArn())
                .build();
    }

    public CfnWebACL webAcl() {
        return webAcl;
    }

    /** The web ACL's name, which is also its CloudWatch metric name (the {@code WebACL} dimension): a plain string. */
    public String webAclName() {
        return webAclName;
    }

    /** An AWS managed rule group under its own name, with the group's own actions ({@code OverrideAction: None}). */
    private static CfnWebACL.RuleProperty managedRuleGroup(String name, int priority) {
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                .vendorName(AWS_VENDOR)
                                .name(name)
                                .build())
                        .build())
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .visibilityConfig(visibility(name))
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .metricName(metricName)
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .build();
    }
}
