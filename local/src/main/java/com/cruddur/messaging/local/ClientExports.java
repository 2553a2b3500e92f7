package com.cruddur.messaging.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell lines local mode prints once ready, to paste (or eval) where a client runs. Service-specific for SDKs and
 * the AWS CLI, so the other AWS services in that shell still reach AWS; AWS_ENDPOINT_URL for backend-flask, which
 * reads exactly that name; a region and dummy credentials only where the shell has none, so a user's own stay in force.
 */
public final class ClientExports {

    /** Any region works: DynamoDB Local runs shared, so every region sees the same table. */
    static final String DUMMY_REGION = "us-east-1";

    private ClientExports() {
    }

    public static List<String> lines(URI endpoint, String table, AwsSettingsInEnvironment settings) {
        List<String> lines = new ArrayList<>();
        lines.add("# SDKs and the AWS CLI: DynamoDB only goes to local mode. Read by AWS CLI 2.13+ and botocore 1.31+; older clients"
                + " (Debian 12's awscli 2.9, python3-boto3 1.26) ignore it, so pass it on: aws --endpoint-url \"$AWS_ENDPOINT_URL_DYNAMODB\""
                + " dynamodb ...; boto3.client(\"dynamodb\", endpoint_url=os.environ[\"AWS_ENDPOINT_URL_DYNAMODB\"])");
        lines.add("export AWS_ENDPOINT_URL_DYNAMODB=" + endpoint);
        lines.add("# backend-flask reads exactly AWS_ENDPOINT_URL. Clients that honour it send EVERY AWS service of this shell here:"
                + " export it only in backend-flask's shell");
        lines.add("export AWS_ENDPOINT_URL=" + endpoint);
        lines.add("export DDB_MESSAGE_TABLE=" + table);
        if (settings.region().isPresent()) {
            lines.add("# keeping your " + settings.region().get() + " (local mode accepts any region)");
        } else {
            lines.add("# no region set: any works here (the AWS CLI reads AWS_REGION, boto3 AWS_DEFAULT_REGION)");
            lines.add("export AWS_REGION=" + DUMMY_REGION + " AWS_DEFAULT_REGION=" + DUMMY_REGION);
        }
        if (settings.credentials().isPresent()) {
            lines.add("# keeping your " + settings.credentials().get() + " (local mode accepts any credentials)");
        } else {
            lines.add("# no credentials set: dummy ones, which only local mode accepts");
            lines.add("export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
        }
        return lines;
    }
}
