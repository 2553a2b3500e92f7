package com.cruddur.messaging.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * Cross-stack values cannot go stale: a consumer names each value by an output name that carries its producer's
 * {@link PublishedVersion}, so a change that can alter the value changes every consumer template too, and
 * {@code cdk deploy} then deploys the consumers, which read the new value.
 */
class PublishedReferencesTest {

    /** One {@code Fn::GetStackOutput} of a consumer template. */
    private record Reference(String consumer, String producer, String output) {
    }

    static List<String> stages() {
        return TestApps.declaredStages();
    }

    /** A setting a published value depends on, a new value for it, and the stack that publishes that value. */
    static Stream<Arguments> publishedSettings() {
        return Stream.of(
                Arguments.of("tableName", "cruddur-messages-v2", "Data"),
                Arguments.of("encryptionKeyArn", "arn:aws:kms:us-east-1:210987654321:key/0f3c2a1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "Data"),
                Arguments.of("availabilityZones", List.of("us-east-1b", "us-east-1c"), "Network"));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void everyOutputAConsumerNamesIsOneItsProducerPublishes(String stage) {
        StageStacks stacks = SynthesizedStages.stacks(stage);
        Map<String, Set<String>> outputs = new HashMap<>();
        stacks.all().forEach(stack -> outputs.put(stack.getStackName(), SynthesizedStages.template(stack).findOutputs("*").keySet()));
        List<Reference> references = references(stacks);
        assertFalse(references.isEmpty());
        references.forEach(reference -> assertTrue(outputs.get(reference.producer()).contains(reference.output()),
                reference + " names no output of " + reference.producer()));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void everyPublishedOutputCarriesItsStacksVersion(String stage) {
        for (Stack stack : SynthesizedStages.stacks(stage).all()) {
            if (stack instanceof PublishingStack publishing) {
                String suffix = "V" + publishing.publishedVersion().id();
                SynthesizedStages.template(stack).findOutputs("*").keySet().stream().filter(name -> name.startsWith("PublishOutput"))
                        .forEach(name -> assertTrue(name.endsWith(suffix), name + " of " + stack.getStackName() + " lacks " + suffix));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void everyPublishedOutputIsOneAConsumerNames(String stage) {
        StageStacks stacks = SynthesizedStages.stacks(stage);
        Set<String> named = new TreeSet<>(references(stacks).stream().map(reference -> reference.producer() + "/" + reference.output()).toList());
        for (Stack stack : stacks.all()) {
            SynthesizedStages.template(stack).findOutputs("*").keySet().stream().filter(name -> name.startsWith("PublishOutput"))
                    .forEach(name -> assertTrue(named.contains(stack.getStackName() + "/" + name), name + " of " + stack.getStackName() + " is read by no stack"));
        }
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("publishedSettings")
    void changingASettingAPublishedValueDependsOnChangesEveryConsumerOfIt(String setting, Object value, String producer) {
        String producerStack = "Cruddur-prod-" + producer;
        List<Reference> before = readersOf(producerStack, references(SynthesizedStages.stacks("prod")));
        List<Reference> after = readersOf(producerStack, references(TestApps.compose("prod", Map.of(setting, value))));

        assertFalse(before.isEmpty(), "nothing reads " + producerStack);
        assertEquals(consumers(before), consumers(after));
        Set<String> unchanged = new TreeSet<>(before.stream().map(Reference::output).toList());
        unchanged.retainAll(after.stream().map(Reference::output).toList());
        assertTrue(unchanged.isEmpty(), "still named after " + setting + " changed: " + unchanged);
    }

    @Test
    void aSettingNoPublishedValueDependsOnLeavesEveryReferenceAlone() {
        List<Reference> before = references(SynthesizedStages.stacks("prod"));
        List<Reference> after = references(TestApps.compose("prod", Map.of("logRetention", "TWO_YEARS")));
        assertEquals(new TreeSet<>(before.stream().map(Reference::toString).toList()), new TreeSet<>(after.stream().map(Reference::toString).toList()));
    }

    @Test
    void theStreamViewIsAnInputOfTheTablesVersion() {
        PublishedVersion data = SynthesizedStages.stacks("dev").data().publishedVersion();
        assertEquals(MessagesTable.STREAM_VIEW.name(), data.inputs().get("streamView"));
        Map<String, String> otherView = new HashMap<>(data.inputs());
        otherView.put("streamView", "NEW_AND_OLD_IMAGES");
        assertNotEquals(data.id(), new PublishedVersion(otherView).id());
    }

    @Test
    void aVersionIsTheSameForTheSameInputsInAnyOrder() {
        assertEquals(new PublishedVersion(Map.of("a", "1", "b", "2")).id(), new PublishedVersion(new java.util.TreeMap<>(Map.of("b", "2", "a", "1"))).id());
        assertEquals(8, new PublishedVersion(Map.of("a", "1")).id().length());
    }

    private static List<Reference> readersOf(String producer, List<Reference> references) {
        return references.stream().filter(reference -> reference.producer().equals(producer)).toList();
    }

    private static Set<String> consumers(List<Reference> references) {
        return new TreeSet<>(references.stream().map(Reference::consumer).toList());
    }

    private static List<Reference> references(StageStacks stacks) {
        List<Reference> references = new ArrayList<>();
        for (Stack stack : stacks.all()) {
            collect(stack.getStackName(), Template.fromStack(stack).toJSON(), references);
        }
        return references;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String consumer, Object node, List<Reference> references) {
        if (node instanceof Map<?, ?> map) {
            Object reference = map.get("Fn::GetStackOutput");
            if (reference instanceof Map<?, ?> target) {
                references.add(new Reference(consumer, String.valueOf(target.get("StackName")), String.valueOf(target.get("OutputName"))));
            }
            ((Map<String, Object>) map).values().forEach(value -> collect(consumer, value, references));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(consumer, value, references));
        }
    }
}
