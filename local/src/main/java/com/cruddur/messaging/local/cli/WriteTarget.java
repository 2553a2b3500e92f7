package com.cruddur.messaging.local.cli;

import picocli.CommandLine.Option;

/** The --aws flag of the commands that create, write or delete; {@link Connection#requireWriteTarget} holds the rule. */
final class WriteTarget {

    @Option(names = Connection.AWS_FLAG, description = "write to AWS on purpose (needs --table NAME; ignores the endpoint variables"
            + " bin/local exports). Without it this command writes only to a local endpoint")
    boolean aws;
}
