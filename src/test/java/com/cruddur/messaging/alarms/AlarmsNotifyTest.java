package com.cruddur.messaging.alarms;

import static com.cruddur.messaging.support.SynthesizedStages.stacks;
import static com.cruddur.messaging.support.SynthesizedStages.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every alarm of a stage that names a topic reaches it, whichever construct made the alarm (issue 14, point 1). */
class AlarmsNotifyTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:210987654321:cruddur-alarms";

    @Test
    void everyAlarmOfEveryStackOfProdNotifiesItsTopic() {
        int alarms = 0;
        for (Stack stack : stacks("prod").all()) {
            Template template = template(stack);
            int inStack = template.findResources("AWS::CloudWatch::Alarm").size();
            if (inStack > 0) {
                template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(TOPIC)));
            }
            alarms += inStack;
        }
        assertTrue(alarms >= 15, "prod has its alarms: " + alarms);
    }

    @Test
    void aStageWithoutATopicHasAlarmsWithoutActions() {
        for (Stack stack : stacks("dev").all()) {
            Template template = template(stack);
            if (!template.findResources("AWS::CloudWatch::Alarm").isEmpty()) {
                template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", Match.absent()));
            }
        }
    }

    @Test
    void theBackendIsWatchedForErrorsUnhealthyTasksLatencyAndMissingTasks() {
        Template backend = template("prod", StageStacks::backend);
        backend.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Threshold", 5, "EvaluationPeriods", 2,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "IF(requests > 0, 100 * errors / requests, 0)"))))));
        backend.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "UnHealthyHostCount", "Threshold", 0, "EvaluationPeriods", 3));
        backend.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "TargetResponseTime", "ExtendedStatistic", "p99",
                "Threshold", 1));
        backend.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Threshold", 0, "EvaluationPeriods", 3,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "desired - running"))))));
        assertEquals(4, backend.findResources("AWS::CloudWatch::Alarm").size());
    }

    @Test
    void theTableAndItsIndexAreWatchedForSustainedThrottling() {
        Template data = template("dev", StageStacks::data);
        for (String metric : List.of("ReadThrottleEvents", "WriteThrottleEvents")) {
            data.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", metric, "Namespace", "AWS/DynamoDB",
                    "Threshold", 10, "EvaluationPeriods", 2, "Dimensions", Match.arrayWith(List.of(Map.of("Name", "GlobalSecondaryIndexName",
                            "Value", "message-group-sk-index")))));
        }
        assertEquals(4, data.findResources("AWS::CloudWatch::Alarm").size());
    }
}
