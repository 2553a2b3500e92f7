package com.cruddur.messaging.local.preflight;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Backend stack's template says the service needs from the account: the image (and the CPU architecture it
 * must be built for), the {@code CONNECTION_URL} parameter, the certificate and backend host of an HTTPS listener, and
 * the egress of the tasks' security group, with pseudo parameters resolved for the caller's account and region.
 */
final class BackendTemplate {

    static final String CONNECTION_URL = "CONNECTION_URL";

    private final JsonNode resources;
    private final TemplateValues values;

    BackendTemplate(JsonNode template, TemplateValues values) {
        this.resources = template.path("Resources");
        this.values = values;
    }

    ImageRef image() {
        return ImageRef.parse(required(container().path("Image"), "the container's Image"));
    }

    /** The task definition's {@code RuntimePlatform.CpuArchitecture}; Fargate's default when absent is X86_64. */
    String cpuArchitecture() {
        return properties(only("AWS::ECS::TaskDefinition")).path("RuntimePlatform").path("CpuArchitecture").asText("X86_64");
    }

    /** The ECS cluster's name ({@code ClusterName}), as {@code aws ecs update-service --cluster} takes it. */
    String clusterName() {
        return required(properties(only("AWS::ECS::Cluster")).path("ClusterName"), "the cluster's ClusterName");
    }

    /** The ECS service's name ({@code ServiceName}). */
    String serviceName() {
        return required(properties(only("AWS::ECS::Service")).path("ServiceName"), "the service's ServiceName");
    }

    /** The SSM parameter the container's {@code CONNECTION_URL} secret is read from (its name, from the ARN). */
    String connectionParameterName() {
        for (JsonNode secret : container().path("Secrets")) {
            if (CONNECTION_URL.equals(secret.path("Name").asText())) {
                String arn = required(secret.path("ValueFrom"), "the ValueFrom of secret " + CONNECTION_URL);
                return arn.contains(":parameter/") ? arn.substring(arn.indexOf(":parameter/") + ":parameter".length()) : arn;
            }
        }
        throw new IllegalArgumentException("the backend container has no secret " + CONNECTION_URL);
    }

    /** The certificate of the load balancer's HTTPS listener; empty when it listens on HTTP only. */
    Optional<String> certificateArn() {
        for (JsonNode listener : ofType("AWS::ElasticLoadBalancingV2::Listener")) {
            if ("HTTPS".equals(properties(listener).path("Protocol").asText())) {
                return values.resolve(properties(listener).path("Certificates").path(0).path("CertificateArn"));
            }
        }
        return Optional.empty();
    }

    /** The host of the container's {@code BACKEND_URL}; empty when it is the load balancer's own name (known after deploy). */
    Optional<String> backendHost() {
        for (JsonNode variable : container().path("Environment")) {
            if ("BACKEND_URL".equals(variable.path("Name").asText())) {
                return values.resolve(variable.path("Value")).map(url -> URI.create(url).getHost());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 egress rules of the security group the ECS service gives its tasks, inline and standalone. */
    List<EgressRule> taskEgress() {
        String group = properties(only("AWS::ECS::Service")).path("NetworkConfiguration").path("AwsvpcConfiguration")
                .path("SecurityGroups").path(0).path("Fn::GetAtt").path(0).asText();
        List<EgressRule> rules = new ArrayList<>();
        properties(resources.path(group)).path("SecurityGroupEgress").forEach(rule -> rule(rule).ifPresent(rules::add));
        for (JsonNode egress : ofType("AWS::EC2::SecurityGroupEgress")) {
            if (group.equals(properties(egress).path("GroupId").path("Fn::GetAtt").path(0).asText())) {
                rule(properties(egress)).ifPresent(rules::add);
            }
        }
        return rules;
    }

    /** A rule to an IPv4 CIDR or to a security group given by id (the stage's database setting); others are not the database's. */
    private static Optional<EgressRule> rule(JsonNode rule) {
        JsonNode destination = rule.path("CidrIp").isTextual() ? rule.path("CidrIp") : rule.path("DestinationSecurityGroupId");
        if (!destination.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new EgressRule(rule.path("IpProtocol").asText(), rule.path("FromPort").asInt(-1), rule.path("ToPort").asInt(-1),
                destination.asText()));
    }

    private JsonNode container() {
        return properties(only("AWS::ECS::TaskDefinition")).path("ContainerDefinitions").path(0);
    }

    private String required(JsonNode value, String what) {
        return values.resolve(value).orElseThrow(() -> new IllegalArgumentException(what + " is not known before deploy: " + value));
    }

    private JsonNode only(String type) {
        List<JsonNode> matches = ofType(type);
        if (matches.size() != 1) {
            throw new IllegalArgumentException("the Backend template has " + matches.size() + " resources of type " + type + "; expected exactly 1");
        }
        return matches.get(0);
    }

    private List<JsonNode> ofType(String type) {
        List<JsonNode> matches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : StageAssembly.iterable(resources)) {
            if (type.equals(resource.getValue().path("Type").asText())) {
                matches.add(resource.getValue());
            }
        }
        return matches;
    }

    private static JsonNode properties(JsonNode resource) {
        return resource.path("Properties");
    }
}
