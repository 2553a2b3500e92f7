package com.cruddur.messaging.local.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.cruddur.messaging.local.DatabaseUrl;
import com.cruddur.messaging.users.PostgresUsers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The bootcamp's bin/db/update_cognito_user_ids: users who signed up before the post-confirmation trigger existed (or were
 * loaded from seed.sql with cognito_user_id 'MOCK') get their Cognito sub in Postgres, matched by preferred_username = handle.
 */
@Command(name = "link-users", mixinStandardHelpOptions = true,
        description = "Set users.cognito_user_id in backend-flask's Postgres to each pool user's sub, matching preferred_username to"
                + " the handle. Safe to run again: a user already linked is left as it is.")
final class LinkUsers implements Callable<Integer> {

    static final String LINKED = "linked";
    static final String ALREADY_LINKED = "already linked";
    static final String NO_POSTGRES_USER = "no Postgres user with that handle";
    static final String NO_PREFERRED_USERNAME = "no preferred_username";

    @Mixin
    UserPool pool;

    @Mixin
    DatabaseUrl database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String databaseUrl = database.require();
        Output output = new Output("preferred_username", "sub", "result");
        Map<String, Integer> counts = new TreeMap<>();
        String described;
        try (PostgresUsers users = PostgresUsers.connect(databaseUrl)) {
            described = users.describe();
            for (UserPool.PoolUser user : pool.users()) {
                String handle = user.attribute("preferred_username");
                String sub = user.attribute("sub");
                String result = link(users, handle, sub);
                output.row(handle == null ? "-" : handle, sub, result);
                counts.merge(result, 1, Integer::sum);
            }
        }
        output.print(spec.commandLine().getOut(), false);
        spec.commandLine().getOut().println(output.size() + " pool user(s): " + counts.getOrDefault(LINKED, 0) + " linked, "
                + counts.getOrDefault(ALREADY_LINKED, 0) + " already linked, " + counts.getOrDefault(NO_POSTGRES_USER, 0)
                + " without a Postgres user, " + counts.getOrDefault(NO_PREFERRED_USERNAME, 0) + " without preferred_username"
                + " (Postgres " + described + ")");
        return 0;
    }

    /** linkCognitoUserId cannot tell "no such handle" from "already this sub", so the handle is looked up first. */
    private static String link(PostgresUsers users, String handle, String sub) {
        if (handle == null) {
            return NO_PREFERRED_USERNAME;
        }
        if (users.findByHandle(handle).isEmpty()) {
            return NO_POSTGRES_USER;
        }
        return users.linkCognitoUserId(handle, sub) ? LINKED : ALREADY_LINKED;
    }
}
