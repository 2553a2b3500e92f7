package com.cruddur.messaging.local.env;

import java.util.ArrayList;
import java.util.List;

import com.cruddur.messaging.local.StackOutputs;

/**
 * The values the other tiers of Cruddur need from a deployed stage, as env files: the frontend's (React reads
 * {@code REACT_APP_*} at build time) and backend-flask's for a run on a laptop against the stage. Every value is
 * preceded by a comment naming the stack output it came from; the database secret is never written.
 */
public final class TierEnvironments {

    private TierEnvironments() {
    }

    public static String frontend(StackOutputs auth, StackOutputs backend) {
        EnvFile file = new EnvFile();
        String poolId = auth.get("UserPoolId");
        file.value("REACT_APP_BACKEND_URL", backend, "BackendUrl");
        file.derived("REACT_APP_AWS_PROJECT_REGION", regionOf(poolId), "the region in UserPoolId of " + auth.stackName());
        file.derived("REACT_APP_AWS_COGNITO_REGION", regionOf(poolId), "the region in UserPoolId of " + auth.stackName());
        file.value("REACT_APP_AWS_USER_POOLS_ID", auth, "UserPoolId");
        file.value("REACT_APP_CLIENT_ID", auth, "UserPoolClientId");
        return file.text();
    }

    /** backend-flask on a laptop, against the stage's table and pool (with the developer's AWS credentials). */
    public static String backend(StackOutputs auth, StackOutputs data, StackOutputs backend) {
        EnvFile file = new EnvFile();
        String poolId = auth.get("UserPoolId");
        file.derived("AWS_DEFAULT_REGION", regionOf(poolId), "the region in UserPoolId of " + auth.stackName());
        file.value("AWS_COGNITO_USER_POOL_ID", auth, "UserPoolId");
        file.value("AWS_COGNITO_USER_POOL_CLIENT_ID", auth, "UserPoolClientId");
        file.value("DDB_MESSAGE_TABLE", data, "MessagesTableName");
        file.derived("FRONTEND_URL", "http://localhost:3000", "the frontend's dev server on this machine");
        file.derived("BACKEND_URL", "http://localhost:4567", "backend-flask on this machine");
        file.lines.add("# CONNECTION_URL is a secret and is not written here; read it with");
        file.lines.add("#   aws ssm get-parameter --with-decryption --query Parameter.Value --output text --name "
                + backend.get("ConnectionUrlParameter"));
        return file.text();
    }

    /** A Cognito pool id is {@code <region>_<id>}. */
    private static String regionOf(String poolId) {
        int underscore = poolId.indexOf('_');
        if (underscore <= 0) {
            throw new IllegalArgumentException("UserPoolId " + poolId + " is not a Cognito pool id; expected <region>_<id>");
        }
        return poolId.substring(0, underscore);
    }

    private static final class EnvFile {
        private final List<String> lines = new ArrayList<>();

        void value(String name, StackOutputs stack, String output) {
            lines.add("# " + stack.stackName() + " output " + output + " (" + stack.source() + ")");
            lines.add(name + "=" + stack.get(output));
        }

        void derived(String name, String value, String from) {
            lines.add("# " + from);
            lines.add(name + "=" + value);
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }
}
