package com.cruddur.messaging.harness.template;

import java.util.Optional;

/**
 * Where the messages table lives in the synthesized stage: its stack, its logical id (the key of a {@code cdk import}
 * resource mapping) and the policies that decide whether CloudFormation keeps the table when the resource leaves the
 * stack or is replaced.
 */
public record TableResource(String stackName, String logicalId, Optional<String> deletionPolicy, Optional<String> updateReplacePolicy) {

    /** Both policies are Retain: deleting the stack or replacing the resource leaves the table and its data in place. */
    public boolean retainsTheTable() {
        return deletionPolicy.equals(Optional.of("Retain")) && updateReplacePolicy.equals(Optional.of("Retain"));
    }
}
