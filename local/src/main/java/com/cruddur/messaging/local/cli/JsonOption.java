package com.cruddur.messaging.local.cli;

import picocli.CommandLine.Option;

/** --json, on the commands whose output is a table (not on those that print one line, which would ignore it). */
final class JsonOption {

    @Option(names = "--json", description = "print JSON for scripts instead of a table")
    boolean json;
}
