package io.jets.core.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.DynamoDbTrigger.StartingPosition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-disk form of the index. Written field by field rather than by data binding so that the format stays
 * stable and readable (it is diffed in code review) whatever accessors the records gain.
 */
final class IndexJson {

    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IndexJson() {
    }

    static String write(List<FunctionDefinition> functions) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("functions");
        functions.forEach(f -> array.add(function(f)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<FunctionDefinition> read(InputStream json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        int version = root.path("version").asInt(VERSION);
        if (version > VERSION) {
            throw new IOException("index version " + version + " is newer than this jets-core reads (" + VERSION
                    + "); use the same jets-core version to compile and to run");
        }
        List<FunctionDefinition> functions = new ArrayList<>();
        for (JsonNode f : root.path("functions")) {
            functions.add(function(f));
        }
        return functions;
    }

    private static ObjectNode function(FunctionDefinition f) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", f.name());
        node.put("className", f.className());
        node.put("methodName", f.methodName());
        ArrayNode parameters = node.putArray("parameterTypes");
        f.parameterTypes().forEach(parameters::add);
        ArrayNode triggers = node.putArray("triggers");
        f.triggers().forEach(t -> triggers.add(trigger(t)));
        node.put("timeoutSeconds", f.timeoutSeconds());
        node.put("memorySize", f.memorySize());
        ObjectNode environment = node.putObject("environment");
        f.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> environment.put(e.getKey(), e.getValue()));
        node.put("description", f.description());
        return node;
    }

    private static ObjectNode trigger(TriggerDefinition t) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source", t.source());
        node.put("batchSize", t.batchSize());
        node.put("maximumBatchingWindowInSeconds", t.maximumBatchingWindowInSeconds());
        node.put("startingPosition", t.startingPosition().name());
        node.put("parallelizationFactor", t.parallelizationFactor());
        node.put("bisectBatchOnFunctionError", t.bisectBatchOnFunctionError());
        node.put("maximumRetryAttempts", t.maximumRetryAttempts());
        node.put("maximumRecordAgeInSeconds", t.maximumRecordAgeInSeconds());
        node.put("onFailure", t.onFailure());
        ArrayNode filters = node.putArray("filters");
        t.filters().forEach(filters::add);
        node.put("reportBatchItemFailures", t.reportBatchItemFailures());
        node.put("tumblingWindowInSeconds", t.tumblingWindowInSeconds());
        node.put("enabled", t.enabled());
        return node;
    }

    private static FunctionDefinition function(JsonNode node) {
        List<String> parameters = new ArrayList<>();
        node.path("parameterTypes").forEach(p -> parameters.add(p.asText()));
        List<TriggerDefinition> triggers = new ArrayList<>();
        node.path("triggers").forEach(t -> triggers.add(trigger(t)));
        Map<String, String> environment = new LinkedHashMap<>();
        node.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        return new FunctionDefinition(node.path("name").asText(), node.path("className").asText(),
                node.path("methodName").asText(), parameters, triggers, node.path("timeoutSeconds").asInt(0),
                node.path("memorySize").asInt(0), environment, node.path("description").asText(""));
    }

    private static TriggerDefinition trigger(JsonNode node) {
        TriggerDefinition defaults = TriggerDefinition.withDefaults(node.path("source").asText());
        List<String> filters = new ArrayList<>();
        node.path("filters").forEach(f -> filters.add(f.asText()));
        return new TriggerDefinition(defaults.source(),
                node.path("batchSize").asInt(defaults.batchSize()),
                node.path("maximumBatchingWindowInSeconds").asInt(defaults.maximumBatchingWindowInSeconds()),
                StartingPosition.valueOf(node.path("startingPosition").asText(defaults.startingPosition().name())),
                node.path("parallelizationFactor").asInt(defaults.parallelizationFactor()),
                node.path("bisectBatchOnFunctionError").asBoolean(defaults.bisectBatchOnFunctionError()),
                node.path("maximumRetryAttempts").asInt(defaults.maximumRetryAttempts()),
                node.path("maximumRecordAgeInSeconds").asInt(defaults.maximumRecordAgeInSeconds()),
                node.path("onFailure").asText(""),
                filters,
                node.path("reportBatchItemFailures").asBoolean(defaults.reportBatchItemFailures()),
                node.path("tumblingWindowInSeconds").asInt(defaults.tumblingWindowInSeconds()),
                node.path("enabled").asBoolean(defaults.enabled()));
    }
}
