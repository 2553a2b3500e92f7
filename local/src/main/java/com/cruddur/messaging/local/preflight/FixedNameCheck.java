package com.cruddur.messaging.local.preflight;

import java.util.List;
import java.util.Optional;

/**
 * Check 7: nothing the stage creates under a fixed name already exists outside the stack that declares it (CloudFormation
 * would fail the deploy on "already exists"). Something of that name that its stack already holds is the stage itself.
 */
final class FixedNameCheck {

    static final String SUBJECT = "fixed names";
    /** The README section on taking over the bootcamp's existing messages table. */
    static final String ADOPT_TABLE_SECTION = "README section \"Adopting the bootcamp's table\"";

    private FixedNameCheck() {
    }

    /**
     * The verdict on one name that exists: {@code existingId} is what the service calls it (the pool id for a user pool,
     * else the name), {@code stackPhysicalId} what the declaring stack holds for the resource (empty when the stack or
     * resource is not deployed). Empty when the stack holds it.
     */
    static Optional<CheckResult> conflict(FixedName name, String existingId, Optional<String> stackPhysicalId, String stage, String region) {
        if (stackPhysicalId.filter(existingId::equals).isPresent()) {
            return Optional.empty();
        }
        if (name.kind() == FixedName.Kind.TABLE) {
            return Optional.of(tableOutsideItsStack(name, region));
        }
        return Optional.of(CheckResult.fail(SUBJECT, outside(name, region),
                "delete it (" + deleteCommand(name, existingId, region) + ") or adopt it into " + name.stack() + " (npx cdk import -c stage="
                        + stage + " " + name.stack() + ")"));
    }

    /** The messages table outside the Data stack: the bootcamp's table, most likely, holding real messages; never delete it. */
    static CheckResult tableOutsideItsStack(FixedName table, String region) {
        return CheckResult.fail(SUBJECT, outside(table, region), "adopt it as " + ADOPT_TABLE_SECTION + " describes");
    }

    static CheckResult allFree(List<FixedName> names) {
        return CheckResult.pass(SUBJECT, names.size() + " fixed names are free or already the stage's own ("
                + String.join(", ", names.stream().map(FixedName::name).toList()) + ")");
    }

    private static String outside(FixedName name, String region) {
        return name.kind().description() + " " + name.name() + " already exists in " + region + " outside stack " + name.stack();
    }

    private static String deleteCommand(FixedName name, String existingId, String region) {
        String command = switch (name.kind()) {
            case TABLE -> "aws dynamodb delete-table --table-name " + existingId;
            case FUNCTION -> "aws lambda delete-function --function-name " + existingId;
            case LOG_GROUP -> "aws logs delete-log-group --log-group-name " + existingId;
            case USER_POOL -> "aws cognito-idp delete-user-pool --user-pool-id " + existingId;
            case PARAMETER -> "aws ssm delete-parameter --name " + existingId;
            case CLUSTER -> "aws ecs delete-cluster --cluster " + existingId;
        };
        return command + " --region " + region;
    }
}
