package com.cruddur.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * What the roles of every declared stage may carry, read from the synthesized templates: so the raw roles that CDK's own
 * custom-resource providers create (which cdk-nag does not inspect) are held to the same rules as ours.
 */
class IamRolesTest {

    /**
     * AWS managed policies a role may carry, by role (logical id prefix) and policy name, each with the reason. Empty: every
     * role of the app has inline statements of its own, so an AWS managed policy (written for every customer, on *) never
     * decides what one of them may do. Adding one here needs a reason that holds for that role.
     */
    private static final List<AllowedManagedPolicy> ALLOWED_MANAGED_POLICIES = List.of();

    /** The only actions granted on every resource ("*"): none of them supports resource-level permissions. */
    private static final Map<String, String> ACTIONS_ON_EVERY_RESOURCE = new TreeMap<>(Map.of(
            "ec2:DescribeNetworkInterfaces", "Lambda's VPC guide: it only works when allowed on all resources",
            "ec2:DescribeSubnets", "a Describe action: EC2 offers no resource-level permission for it",
            "ec2:DescribePrefixLists", "the DynamoDB prefix-list lookup; a Describe action with no resource-level permission",
            "ecr:GetAuthorizationToken", "pulling any ECR image needs it; it names no repository"));

    private record AllowedManagedPolicy(String roleLogicalIdPrefix, String policyName, String reason) {
    }

    static List<String> stages() {
        return TestApps.declaredStages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void noRoleCarriesAnAwsManagedPolicyThatIsNotAllowedWithAReason(String stage) {
        List<String> roles = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        forEachRole(stage, (stackName, logicalId, properties) -> {
            roles.add(stackName + "/" + logicalId);
            Object arns = properties.get("ManagedPolicyArns");
            if (arns == null) {
                return;
            }
            for (Object arn : (List<?>) arns) {
                String policy = policyName(arn);
                boolean allowed = ALLOWED_MANAGED_POLICIES.stream().anyMatch(entry -> logicalId.startsWith(entry.roleLogicalIdPrefix())
                        && entry.policyName().equals(policy) && entry.reason().length() >= 40);
                if (!allowed) {
                    unexplained.add(stackName + "/" + logicalId + " carries " + policy);
                }
            }
        });
        assertFalse(roles.isEmpty(), "this test must see the roles it checks");
        assertEquals(List.of(), unexplained, "every role of " + stage + ": " + roles);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void onlyActionsWithoutResourceLevelPermissionsAreGrantedOnEveryResource(String stage) {
        List<String> tooWide = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        forEachStatement(stage, (where, statement) -> {
            Object resource = statement.get("Resource");
            if ("*".equals(resource) || resource instanceof List<?> list && list.contains("*")) {
                for (Object action : actions(statement)) {
                    seen.add(String.valueOf(action));
                    if (!ACTIONS_ON_EVERY_RESOURCE.containsKey(String.valueOf(action))) {
                        tooWide.add(where + " " + action + " on *");
                    }
                }
            }
        });
        assertFalse(seen.isEmpty(), "this test must see the statements it checks");
        assertEquals(List.of(), tooWide);
    }

    private interface RoleVisitor {
        void visit(String stackName, String logicalId, Map<String, Object> properties);
    }

    private interface StatementVisitor {
        void visit(String where, Map<String, Object> statement);
    }

    private static void forEachRole(String stage, RoleVisitor visitor) {
        for (Stack stack : SynthesizedStages.stacks(stage).all()) {
            SynthesizedStages.template(stack).findResources("AWS::IAM::Role")
                    .forEach((logicalId, role) -> visitor.visit(stack.getStackName(), logicalId, properties(role)));
        }
    }

    /** Every statement of every inline policy of a role and of every AWS::IAM::Policy, in every stack of the stage. */
    @SuppressWarnings("unchecked")
    private static void forEachStatement(String stage, StatementVisitor visitor) {
        for (Stack stack : SynthesizedStages.stacks(stage).all()) {
            Template template = SynthesizedStages.template(stack);
            template.findResources("AWS::IAM::Role").forEach((logicalId, role) -> {
                Object policies = properties(role).get("Policies");
                for (Object policy : policies == null ? List.of() : (List<?>) policies) {
                    statements(((Map<String, Object>) policy).get("PolicyDocument"))
                            .forEach(statement -> visitor.visit(stack.getStackName() + "/" + logicalId, statement));
                }
            });
            template.findResources("AWS::IAM::Policy").forEach((logicalId, policy) -> statements(properties(policy).get("PolicyDocument"))
                    .forEach(statement -> visitor.visit(stack.getStackName() + "/" + logicalId, statement)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object document) {
        return (List<Map<String, Object>>) ((Map<String, Object>) document).get("Statement");
    }

    private static List<?> actions(Map<String, Object> statement) {
        Object actions = statement.get("Action");
        return actions instanceof List<?> list ? list : List.of(actions);
    }

    /** {@code service-role/AWSLambdaBasicExecutionRole} from any rendering of a managed policy ARN (Fn::Sub, Fn::Join, literal). */
    private static String policyName(Object arn) {
        String json = toJson(arn);
        Matcher matcher = Pattern.compile(":policy/([A-Za-z0-9+=,.@_/-]+)").matcher(json);
        return matcher.find() ? matcher.group(1) : json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static String toJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
