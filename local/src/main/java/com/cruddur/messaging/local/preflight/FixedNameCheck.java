package com.cruddur.messaging.local.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.cruddur.messaging.local.adopt.Finding;

/**
 * Check 8: nothing the stage creates under a fixed name already exists outside the stack that declares it (CloudFormation
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
    static Optional<CheckResult> conflict(FixedName name, String existingId, Optional<String> stackPhysicalId, String stage, String region,
                                          Supplier<List<Finding>> adoption) {
        if (stackPhysicalId.filter(existingId::equals).isPresent()) {
            return Optional.empty();
        }
        if (name.kind() == FixedName.Kind.TABLE) {
            return Optional.of(tableOutsideItsStack(name, stage, region, adoption.get()));
        }
        return Optional.of(CheckResult.fail(SUBJECT, outside(name, region),
                "delete it (" + deleteCommand(name, existingId, region) + ") or adopt it into " + name.stack() + " (npx cdk import -c stage="
                        + stage + " " + name.stack() + ")"));
    }

    /**
     * The messages table outside the Data stack: the bootcamp's table, most likely, holding real messages; never delete it.
     * The fix is the adoption path, with what {@code adoption} says must change in the table first.
     */
    static CheckResult tableOutsideItsStack(FixedName table, String stage, String region, List<Finding> adoption) {
        if (adoption.size() == 1 && adoption.get(0).kind() == Finding.Kind.CANNOT_FIX_IN_PLACE) {
            return CheckResult.fail(SUBJECT, outside(table, region) + " and cannot be adopted: " + adoption.get(0).problem(),
                    adoption.get(0).fix());
        }
        List<String> steps = new ArrayList<>();
        steps.add("adopt it as " + ADOPT_TABLE_SECTION + " describes: back it up, delete the bootcamp Lambda's event source mapping");
        adoption.stream().filter(Finding::blocksImport).forEach(finding -> steps.add(finding.problem() + ": " + finding.fix()));
        steps.add("bin/ddb import-mapping --stage " + stage);
        steps.add("npx cdk import -c stage=" + stage + " " + table.stack() + " --resource-mapping cdk.out/local-" + stage + "/"
                + table.stack() + ".resource-mapping.json");
        return CheckResult.fail(SUBJECT, outside(table, region), String.join("; then ", steps));
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
