package com.cruddur.messaging;

import java.util.stream.Stream;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.Snapshots;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.Stack;

/** Every stack of every stage declared in cdk.json matches its committed CloudFormation snapshot. */
class SnapshotTest {

    static Stream<Arguments> stacksOfEveryStage() {
        return TestApps.declaredStages().stream().flatMap(stage -> {
            StageStacks stacks = SynthesizedStages.stacks(stage);
            return stacks.all().stream().map(stack -> Arguments.of(stack.getStackName(), stack));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacksOfEveryStage")
    void stackMatchesItsSnapshot(String stackName, Stack stack) {
        Snapshots.assertMatches(stack);
    }

}
