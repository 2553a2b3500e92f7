package com.cruddur.messaging.function;

import static com.cruddur.messaging.access.InlinePolicies.findingArn;
import static com.cruddur.messaging.access.InlinePolicies.statement;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/** The statements a {@link JavaFunction} in the VPC needs for its network interfaces, and their cdk-nag acknowledgements. */
final class VpcAttachment {

    private VpcAttachment() {
    }

    /**
     * What Lambda does with the function's role to attach it to the VPC (the permissions Lambda's VPC guide asks of an
     * execution role, those of the AWS managed AWSLambdaVPCAccessExecutionRole less its log actions), each on the narrowest
     * resource EC2 checks it against:
     * <ul>
     * <li>{@code ec2:CreateNetworkInterface}: the new interface (its id does not exist yet, so {@code network-interface/*} of
     * this account and region), in one of the function's {@code subnets}, with the function's {@code securityGroup};</li>
     * <li>{@code ec2:DeleteNetworkInterface}, {@code ec2:AssignPrivateIpAddresses}, {@code ec2:UnassignPrivateIpAddresses}:
     * network interfaces of this account and region (for Delete the guide asks for the interface's own id or all of them,
     * and Lambda's interface ids are not known in advance). No condition key narrows them further: one that EC2 did not
     * supply on Lambda's calls would deny them, and no test short of a deploy can show it;</li>
     * <li>{@code ec2:DescribeNetworkInterfaces} (the guide: only works on {@code "Resource": "*"}) and
     * {@code ec2:DescribeSubnets}, on {@code *}: Describe actions, read-only, with no resource-level permissions.
     * DescribeSubnets is not in the guide's older list; AWS added it to AWSLambdaVPCAccessExecutionRole in January 2024
     * (policy version 3) without a reason we could find. It stays: leaving out what the managed policy gives risks a
     * function stuck without its network interface, which only a deploy to a real account would show.</li>
     * </ul>
     */
    static List<PolicyStatement> statements(Construct scope, IVpc vpc, SubnetSelection subnets, ISecurityGroup securityGroup) {
        Stack stack = Stack.of(scope);
        String networkInterfaces = ec2Arn(stack, "network-interface", "*");
        List<String> createResources = new ArrayList<>(List.of(networkInterfaces));
        vpc.selectSubnets(subnets).getSubnetIds().forEach(subnetId -> createResources.add(ec2Arn(stack, "subnet", subnetId)));
        createResources.add(ec2Arn(stack, "security-group", securityGroup.getSecurityGroupId()));
        return List.of(
                statement("CreateNetworkInterfaces", List.of("ec2:CreateNetworkInterface"), createResources),
                statement("ManageNetworkInterfaces",
                        List.of("ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
                        List.of(networkInterfaces)),
                statement("DescribeNetwork", List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"), List.of("*")));
    }

    /** The two cdk-nag IAM5 findings that {@link #statements}'s statements raise on {@code role}, each acknowledged for what it is. */
    static void acknowledge(Role role) {
        Validations.of(role).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::*]")
                .reason("Only ec2:DescribeNetworkInterfaces and ec2:DescribeSubnets are on *: read-only Describe actions with no"
                        + " resource-level permissions (Lambda's VPC guide: DescribeNetworkInterfaces only works on \"Resource\": \"*\")."
                        + " Creating and changing the function's network interfaces is scoped (VpcAttachment.statements).")
                .build());
        Validations.of(role).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::" + findingArn(Stack.of(role), "ec2", "network-interface/*") + "]")
                .reason("ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface, ec2:AssignPrivateIpAddresses and"
                        + " ec2:UnassignPrivateIpAddresses on network interfaces of this account and region only: Lambda creates the"
                        + " function's interfaces itself, so no id exists before; creating one is also limited to the function's"
                        + " own subnets and security group.")
                .build());
    }

    private static String ec2Arn(Stack stack, String resource, String resourceName) {
        return stack.formatArn(ArnComponents.builder().service("ec2").resource(resource).resourceName(resourceName).build());
    }
}
