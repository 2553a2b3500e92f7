package com.cruddur.messaging.seed;

import java.util.function.Supplier;

import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.users.PostgresConnectionUrl;
import com.cruddur.messaging.users.PostgresUsers;
import com.cruddur.messaging.users.SecureStringParameter;
import com.cruddur.messaging.users.SsmParameterStore;


/**
 * Seed users given by handle alone, looked up in Postgres public.users, so a stage can seed its real users
 * without copying their UUIDs into {@code cdk.json}. The database is backend-flask's CONNECTION_URL, the SSM
 * SecureString the resource property {@value SeedResource#CONNECTION_URL_PARAMETER} names; SSM and Postgres are only
 * reached when a user has no uuid, so seeds with explicit UUIDs need neither.
 */
final class SeedUsersByHandle implements AutoCloseable {

    private final Supplier<SsmParameterStore> ssm;
    private final String parameterName;
    private PostgresUsers users;
    private PostgresConnectionUrl url;

    /** @param parameterName the SSM parameter's name, or null when the resource's properties give none */
    SeedUsersByHandle(Supplier<SsmParameterStore> ssm, String parameterName) {
        this.ssm = ssm;
        this.parameterName = parameterName;
    }

    /** The user public.users holds under this handle; throws, naming the handle and the database, when there is none. */
    User byHandle(String handle) {
        if (parameterName == null || parameterName.isBlank()) {
            throw new IllegalArgumentException("seed user handle " + handle + " comes without a uuid, and the seed resource has no "
                    + SeedResource.CONNECTION_URL_PARAMETER + " to look it up in public.users; give the uuid or the parameter");
        }
        if (users == null) {
            String connectionUrl = new SecureStringParameter(ssm.get(), parameterName).value();
            url = PostgresConnectionUrl.parse(connectionUrl);
            users = PostgresUsers.connect(connectionUrl);
        }
        return users.findByHandle(handle).orElseThrow(() -> new IllegalArgumentException(
                "seed user handle " + handle + " is not in public.users of " + url.host() + "/" + url.database()));
    }

    @Override
    public void close() {
        if (users != null) {
            users.close();
        }
    }
}
