package com.cruddur.messaging.local.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list-users", mixinStandardHelpOptions = true,
        description = "List the users of the stage's pool: username, email, sub, preferred_username. The pool id comes from"
                + " --user-pool-id or the SSM parameter /cruddur/<stage>/cognito/user-pool-id the Auth stack publishes.")
final class ListUsers implements Callable<Integer> {

    @Mixin
    UserPool pool;

    @Option(names = "--json", description = "print JSON for scripts instead of a table")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = new Output("username", "email", "sub", "preferred_username", "status");
        for (UserPool.PoolUser user : pool.users()) {
            output.row(user.username(), user.attribute("email"), user.attribute("sub"), user.attribute("preferred_username"), user.status());
        }
        output.print(spec.commandLine().getOut(), json);
        return 0;
    }
}
