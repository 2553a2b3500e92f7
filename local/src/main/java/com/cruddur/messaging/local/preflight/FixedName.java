package com.cruddur.messaging.local.preflight;

import java.util.Arrays;
import java.util.Optional;

/**
 * A resource the stage creates under a name fixed in its template ({@code logicalId} in {@code stack}). CloudFormation
 * cannot create it while something else holds that name, so preflight asks the owning service first.
 * <p>
 * Other named properties in the templates are scoped to a parent the stage creates itself (an ECS service's name in
 * its cluster, a user pool client's in its pool, an alias's in its function, inline IAM policy names in their role,
 * scaling policies in their target) or are versioned rather than exclusive (a task definition family), so they
 * cannot collide with anything outside the stage.
 */
record FixedName(Kind kind, String name, String stack, String logicalId) {

    enum Kind {
        TABLE("AWS::DynamoDB::Table", "TableName", "DynamoDB table"),
        FUNCTION("AWS::Lambda::Function", "FunctionName", "Lambda function"),
        LOG_GROUP("AWS::Logs::LogGroup", "LogGroupName", "log group"),
        USER_POOL("AWS::Cognito::UserPool", "UserPoolName", "Cognito user pool"),
        PARAMETER("AWS::SSM::Parameter", "Name", "SSM parameter"),
        CLUSTER("AWS::ECS::Cluster", "ClusterName", "ECS cluster");

        private final String type;
        private final String nameProperty;
        private final String description;

        Kind(String type, String nameProperty, String description) {
            this.type = type;
            this.nameProperty = nameProperty;
            this.description = description;
        }

        static Optional<Kind> of(String type) {
            return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
        }

        String nameProperty() {
            return nameProperty;
        }

        String description() {
            return description;
        }
    }
}
