package com.cruddur.messaging.backend;

import static com.cruddur.messaging.access.InlinePolicies.statement;

import java.util.List;

import com.cruddur.messaging.access.InlinePolicies;

import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.ssm.IParameter;

/**
 * What ECS may do with the backend's execution role to start a task, and nothing more: pull the image from its one
 * repository, write the container's log group, and fetch the {@code CONNECTION_URL} SecureString. ECS fetches a
 * Parameter Store secret with {@code ssm:GetParameters} alone; the {@code grantRead} CDK would add also grants
 * {@code GetParameter}, {@code GetParameterHistory} and {@code DescribeParameters}, which ECS never calls. Decryption
 * needs no statement: the parameter uses the AWS managed {@code aws/ssm} key, whose key policy lets the account's
 * principals decrypt through SSM (preflight fails on any other key).
 */
final class BackendExecutionPolicy {

    static final String REGISTRY_TOKEN_SID = "GetRegistryToken";

    private BackendExecutionPolicy() {
    }

    static PolicyDocument document(IRepository repository, ILogGroup logs, IParameter connectionUrl) {
        return PolicyDocument.Builder.create().statements(List.of(
                statement("PullImage", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                        List.of(repository.getRepositoryArn())),
                // No resource-level permissions exist for it: the token is for the registry, the pull is scoped above.
                statement(REGISTRY_TOKEN_SID, List.of("ecr:GetAuthorizationToken"), List.of("*")),
                InlinePolicies.writeOwnLogs(logs),
                statement("ReadConnectionUrl", List.of("ssm:GetParameters"), List.of(connectionUrl.getParameterArn()))))
                .build();
    }
}
