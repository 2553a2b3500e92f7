package com.cruddur.messaging.seed;

import java.util.List;

/**
 * The seed custom resource's contract with the CDK app, which writes the same names into the template
 * ({@code seed/SeedData}); {@code SynthesizedContractTest} checks the two against the synthesized template.
 */
public final class SeedResource {

    /** The resource's CloudFormation type. */
    public static final String TYPE = "Custom::CruddurSeedConversation";

    public static final String TABLE_NAME = "TableName";
    public static final String MESSAGE_GROUP_UUID = "MessageGroupUuid";
    /** Names the SSM parameter with the Postgres connection URL, for users given by handle alone; optional. */
    public static final String CONNECTION_URL_PARAMETER = "ConnectionUrlParameter";

    /** The two seed users, in the order they speak; each user's properties start with one of these. */
    public static final List<String> USERS = List.of("First", "Second");

    private SeedResource() {
    }

    /** {@code <First|Second>UserHandle}: the user's handle, always given. */
    public static String userHandle(String user) {
        return user + "UserHandle";
    }

    /** {@code <First|Second>UserUuid}: absent for a user given by handle alone. */
    public static String userUuid(String user) {
        return user + "UserUuid";
    }

    /** {@code <First|Second>UserDisplayName}: given with the uuid. */
    public static String userDisplayName(String user) {
        return user + "UserDisplayName";
    }
}
