package com.cruddur.messaging.local.adopt;

/**
 * One way an existing table differs from the stage's template, and what to do about it.
 *
 * @param kind    whether the import can go ahead, and whether the table can be fixed in place
 * @param problem what differs, naming the template's value and the table's
 * @param fix     what to run or do, with the exact AWS CLI command where one exists
 */
public record Finding(Kind kind, String problem, String fix) {

    public enum Kind {
        /** The table can never match (its keys are fixed at creation): let the app create a new table and copy the data. */
        CANNOT_FIX_IN_PLACE,
        /** Fix it before {@code cdk import}: the stack would otherwise describe a table the app cannot use (no index, no stream). */
        FIX_BEFORE_IMPORT,
        /**
         * The import goes ahead, but CloudFormation records the template's value while the table keeps its own (drift):
         * a later deploy does not touch a property whose template value did not change. Fix it before or after.
         */
        DRIFT
    }

    /** Whether {@code cdk import} must wait for this finding to be fixed. */
    public boolean blocksImport() {
        return kind != Kind.DRIFT;
    }

    @Override
    public String toString() {
        return problem + "; fix: " + fix;
    }
}
