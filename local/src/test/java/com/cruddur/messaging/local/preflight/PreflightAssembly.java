package com.cruddur.messaging.local.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.support.SynthesizedStage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A copy of the synthesized dev stage's cloud assembly (manifest and templates, no assets) that a test edits to describe
 * a stage dev is not: a fixed environment, an HTTPS listener, a database CIDR. Every other fact stays dev's.
 */
final class PreflightAssembly {

    private static final ObjectMapper JSON = new ObjectMapper();
    final Path directory;

    private PreflightAssembly(Path directory) {
        this.directory = directory;
    }

    static PreflightAssembly copyOfDev() {
        Path dev = SynthesizedStage.cdkOut("dev");
        try {
            Path copy = Files.createTempDirectory("preflight-dev");
            try (Stream<Path> files = Files.list(dev)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("manifest\\.json|.*\\.template\\.json")).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return new PreflightAssembly(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the template of the dev stack of {@code concern} in place. */
    PreflightAssembly template(String concern, Consumer<ObjectNode> edit) {
        return edit(directory.resolve(StageTemplates.stackName("dev", concern) + ".template.json"), edit);
    }

    /** Edits the Backend template's one resource {@code logicalId}'s properties. */
    PreflightAssembly backendResource(String logicalId, Consumer<ObjectNode> edit) {
        return template("Backend", template -> edit.accept((ObjectNode) template.path("Resources").path(logicalId).path("Properties")));
    }

    /** The logical id of the one resource of {@code type} in the dev stack of {@code concern}, so tests pin no hashed ids. */
    String logicalId(String concern, String type) {
        try {
            JsonNode resources = JSON.readTree(directory.resolve(StageTemplates.stackName("dev", concern) + ".template.json").toFile()).path("Resources");
            List<String> ids = new ArrayList<>();
            resources.fields().forEachRemaining(resource -> {
                if (type.equals(resource.getValue().path("Type").asText())) {
                    ids.add(resource.getKey());
                }
            });
            if (ids.size() != 1) {
                throw new IllegalStateException(concern + " has " + ids.size() + " resources of type " + type);
            }
            return ids.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the properties of the Backend template's one resource of {@code type}. */
    PreflightAssembly backend(String type, Consumer<ObjectNode> edit) {
        return backendResource(logicalId("Backend", type), edit);
    }

    /** Edits the security group the backend service gives its tasks. */
    PreflightAssembly taskSecurityGroup(Consumer<ObjectNode> edit) {
        return backendResource(taskSecurityGroupId(), edit);
    }

    /** Adds an egress rule of the tasks' security group as a resource of its own, as the CDK app writes one to another group. */
    PreflightAssembly taskEgressToSecurityGroup(String securityGroupId, int port) {
        String group = taskSecurityGroupId();
        return template("Backend", template -> {
            ObjectNode properties = ((ObjectNode) template.path("Resources")).putObject("TaskEgressToDatabase")
                    .put("Type", "AWS::EC2::SecurityGroupEgress").putObject("Properties");
            properties.put("IpProtocol", "tcp").put("FromPort", port).put("ToPort", port).put("DestinationSecurityGroupId", securityGroupId);
            properties.putObject("GroupId").putArray("Fn::GetAtt").add(group).add("GroupId");
        });
    }

    private String taskSecurityGroupId() {
        String[] group = new String[1];
        backend("AWS::ECS::Service", service -> group[0] = service.path("NetworkConfiguration").path("AwsvpcConfiguration")
                .path("SecurityGroups").path(0).path("Fn::GetAtt").path(0).asText());
        return group[0];
    }

    /** The container's image names {@code repositoryAndReference} ({@code backend-flask:TAG} or {@code backend-flask@sha256:...}). */
    PreflightAssembly image(String repositoryAndReference) {
        return backend("AWS::ECS::TaskDefinition", task -> {
            ArrayNode parts = (ArrayNode) task.path("ContainerDefinitions").path(0).path("Image").path("Fn::Join").path(1);
            parts.set(parts.size() - 1, parts.textNode("/" + repositoryAndReference));
        });
    }

    /** Every stack of the stage has termination protection, as the CDK app gives a stage that holds real data. */
    PreflightAssembly terminationProtected() {
        return edit(directory.resolve("manifest.json"), manifest -> manifest.path("artifacts").fields().forEachRemaining(artifact -> {
            if ("aws:cloudformation:stack".equals(artifact.getValue().path("type").asText())) {
                ((ObjectNode) artifact.getValue().path("properties")).put("terminationProtection", true);
            }
        }));
    }

    /** Every stack of the stage deploys to {@code environment} ({@code aws://ACCOUNT/REGION}). */
    PreflightAssembly environment(String environment) {
        return edit(directory.resolve("manifest.json"), manifest -> manifest.path("artifacts").fields().forEachRemaining(artifact -> {
            if (artifact.getValue().has("environment")) {
                ((ObjectNode) artifact.getValue()).put("environment", environment);
            }
        }));
    }

    private PreflightAssembly edit(Path file, Consumer<ObjectNode> edit) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
            edit.accept(json);
            JSON.writeValue(file.toFile(), json);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
