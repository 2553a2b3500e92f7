package com.cruddur.messaging.alarms;

import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.services.cloudwatch.AlarmActionConfig;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.constructs.IConstruct;

/**
 * Every alarm of the stage notifies the stage's alarm topic, whichever construct made it, so an alarm added later cannot
 * fire into the void: applied to the whole app, it sets each alarm's actions to the topic.
 */
public final class AlarmsNotify implements IAspect {

    private final String topicArn;

    public AlarmsNotify(String topicArn) {
        this.topicArn = topicArn;
    }

    @Override
    public void visit(IConstruct node) {
        if (node instanceof CfnAlarm alarm) {
            alarm.setAlarmActions(java.util.List.of(AlarmActionConfig.builder().alarmActionArn(topicArn).build().getAlarmActionArn()));
        }
    }
}
