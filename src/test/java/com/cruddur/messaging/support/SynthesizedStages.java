package com.cruddur.messaging.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.cruddur.messaging.CruddurApp;
import com.cruddur.messaging.CruddurApp.StageStacks;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The test app of each stage exactly as {@link TestApps#compose(String)} builds it, composed and synthesized once per JVM
 * and shared by every test class: a synth takes seconds, and most tests only read the same few templates. The synth runs
 * the registered cdk-nag pack as {@code cdk synth} does, so an unacknowledged finding fails every test that reads the
 * stage, not only {@code NagTest}.
 *
 * <p>Nothing may add to these apps (their templates are already synthesized, and every class sees the same tree). A test
 * that flips a setting, or that needs a synth of its own, builds its variant with {@link TestApps}.
 */
public final class SynthesizedStages {

    private static final Map<String, Synthesized> STAGES = new ConcurrentHashMap<>();

    /** One stage's app, its stacks, and each stack's template by stack name. */
    private record Synthesized(App app, StageStacks stacks, Map<String, Template> templates) {
    }

    private SynthesizedStages() {
    }

    /** The stage's stacks, with its validated configuration. */
    public static StageStacks stacks(String stage) {
        return synthesized(stage).stacks();
    }

    /** The stage's app, after its synth. */
    public static App app(String stage) {
        return synthesized(stage).app();
    }

    /** The template of one of the stage's stacks, e.g. {@code template("dev", StageStacks::backend)}. */
    public static Template template(String stage, Function<StageStacks, ? extends Stack> stack) {
        return template(stack.apply(stacks(stage)));
    }

    /** The template of {@code stack}, which must be a stack of one of these apps (a variant's: {@code Template.fromStack}). */
    public static Template template(Stack stack) {
        return STAGES.values().stream()
                .filter(synthesized -> synthesized.stacks().all().contains(stack))
                .findFirst()
                .map(synthesized -> synthesized.templates().get(stack.getStackName()))
                .orElseThrow(() -> new IllegalArgumentException(stack.getStackName()
                        + " is not a stack of a shared stage app; read a variant's template with Template.fromStack"));
    }

    private static Synthesized synthesized(String stage) {
        return STAGES.computeIfAbsent(stage, SynthesizedStages::synthesize);
    }

    private static Synthesized synthesize(String stage) {
        App app = TestApps.app(stage, Map.of());
        StageStacks stacks = CruddurApp.compose(app);
        app.synth();
        return new Synthesized(app, stacks, stacks.all().stream()
                .collect(Collectors.toUnmodifiableMap(Stack::getStackName, Template::fromStack)));
    }
}
