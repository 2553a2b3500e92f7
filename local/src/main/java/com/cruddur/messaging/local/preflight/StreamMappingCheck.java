package com.cruddur.messaging.local.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Check 9: only the stage's stream processor reads the table's stream. Another mapping (the bootcamp's console Lambda,
 * say) would process every message a second time.
 */
final class StreamMappingCheck {

    static final String SUBJECT = "stream mappings";

    /** An event source mapping on the stream: its UUID and the function (ARN, possibly with an alias) it invokes. */
    record Mapping(String uuid, String functionArn) {

        /** The function's name: the seventh field of {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS]}. */
        String functionName() {
            String[] fields = functionArn.split(":");
            return fields.length > 6 ? fields[6] : functionArn;
        }
    }

    private StreamMappingCheck() {
    }

    static List<CheckResult> check(String table, Optional<String> streamArn, List<Mapping> mappings, String processor, String region) {
        if (streamArn.isEmpty()) {
            return List.of(CheckResult.pass(SUBJECT, "table " + table + " has no stream yet, so nothing else reads it"));
        }
        List<CheckResult> foreign = new ArrayList<>();
        for (Mapping mapping : mappings) {
            if (!processor.equals(mapping.functionName())) {
                foreign.add(CheckResult.fail(SUBJECT, mapping.functionName() + " (mapping " + mapping.uuid() + ") also reads the stream of "
                        + table + " and would process every message a second time",
                        "aws lambda delete-event-source-mapping --region " + region + " --uuid " + mapping.uuid()));
            }
        }
        return foreign.isEmpty() ? List.of(CheckResult.pass(SUBJECT, "only " + processor + " reads the stream of " + table)) : foreign;
    }
}
