package com.cruddur.messaging.function;

import java.util.List;

import com.cruddur.messaging.access.InlinePolicies;
import com.cruddur.messaging.config.DatabaseAccess;
import com.cruddur.messaging.network.Network;

import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.ssm.SecureStringParameterAttributes;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * What a {@link JavaFunction} that connects to the stage's Postgres needs (the sign-up trigger, and the seed loader for
 * users given by handle): read {@code CONNECTION_URL} from its SecureString, and, in the VPC, reach SSM and the database.
 */
public final class PostgresAccess {

    private PostgresAccess() {
    }

    /**
     * {@code ssm:GetParameter} on the SecureString {@code parameterName} (imported into {@code scope} as
     * {@code ConnectionUrl}). It uses the AWS managed aws/ssm key, whose policy lets SSM decrypt for the account's
     * principals, so no KMS statement goes with it.
     */
    public static PolicyStatement readConnectionUrl(Construct scope, String parameterName) {
        String parameterArn = StringParameter.fromSecureStringParameterAttributes(scope, "ConnectionUrl",
                SecureStringParameterAttributes.builder().parameterName(parameterName).build()).getParameterArn();
        return InlinePolicies.statement("ReadConnectionUrl", List.of("ssm:GetParameter"), List.of(parameterArn));
    }

    /**
     * Lets {@code securityGroup} reach SSM (HTTPS out, through the NAT gateway: the VPC has no SSM endpoint) and the
     * stage's Postgres ({@link Network#allowDatabase}); {@code clientName} names the function in the database rule.
     */
    public static void allowFrom(Construct scope, SecurityGroup securityGroup, DatabaseAccess database, String clientName) {
        securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "SSM (CONNECTION_URL) through the NAT gateway");
        Network.allowDatabase(scope, securityGroup, database, clientName);
    }
}
