package com.cruddur.messaging.alarms;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/** The one shape of this app's alarms, and the pair every function has; {@link AlarmsNotify} gives each its action. */
public final class StageAlarm {

    private StageAlarm() {
    }

    /** Fires when {@code metric} is above {@code threshold} for {@code periods} periods in a row; no data (a quiet stage) is fine. */
    public static Alarm above(Construct scope, String id, String description, IMetric metric, Number threshold, int periods) {
        return Alarm.Builder.create(scope, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    /** {@code FunctionErrors}: any whole invocation failed; {@code DurationNearTimeout}: one took over 80 % of the timeout. */
    public static void functionHealth(Construct scope, Function function, String errors, String durationNearTimeout) {
        Duration fiveMinutes = Duration.minutes(5);
        above(scope, "FunctionErrors", errors,
                function.metricErrors(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), 0, 1);
        above(scope, "DurationNearTimeout", durationNearTimeout,
                function.metricDuration(MetricOptions.builder().period(fiveMinutes).statistic("Maximum").build()),
                function.getTimeout().toMilliseconds().doubleValue() * 0.8, 1);
    }
}
