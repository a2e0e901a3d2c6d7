package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which records Lambda's filter patterns let through for a DynamoDB stream, pattern by pattern, as Lambda decides
 * it: attribute values are matched inside their type ({@code {"S": …}}, {@code {"N": …}}); a number attribute is a
 * string, so {@code numeric} never matches it; {@code {"exists": false}} on an attribute matches whether it is
 * absent or present, because an attribute's value is an object; and {@code ApproximateCreationDateTime} is a number.
 * Each mapping also lets through a last record, so the test knows when every mapping has read to the end.
 */
class FilterConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String END = "{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[\"zz-end\"]}}}}";

    @TempDir
    Path state;

    /** Runs one mapping per pattern over the same writes; returns the ids each delivered, the end marker removed. */
    private Map<String, List<String>> deliveredPerPattern(Map<String, String> patterns, Consumer<Lambda> writes) {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            List<io.jets.core.index.FunctionDefinition> functions = patterns.entrySet().stream()
                    .map(p -> function(p.getKey() + "_event-file", 0, 0,
                            trigger().batchSize(1).filters(p.getValue(), END)))
                    .toList();
            lambda.start((f, e, c) -> null, functions.toArray(io.jets.core.index.FunctionDefinition[]::new));
            writes.accept(lambda);
            item(lambda, "zz-end", Map.of());
            await().atMost(WAIT).until(() -> patterns.keySet().stream()
                    .allMatch(name -> ids(lambda, name).contains("zz-end")));
            Map<String, List<String>> delivered = new LinkedHashMap<>();
            patterns.keySet().forEach(name -> delivered.put(name,
                    ids(lambda, name).stream().filter(id -> !id.equals("zz-end")).toList()));
            return delivered;
        }
    }

    private static List<String> ids(Lambda lambda, String name) {
        return lambda.of(name + "_event-file").stream().flatMap(i -> i.ids().stream()).toList();
    }

    private static void item(Lambda lambda, String id, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(attributes);
        item.put("id", AttributeValue.fromS(id));
        lambda.dynamo.putItem(b -> b.tableName(Lambda.TABLE).item(item));
    }

    @Test
    void attributeValues_matchInsideTheirType_andANumberAttributeIsAString() {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("typed", "{\"dynamodb\":{\"NewImage\":{\"presentKey\":{\"S\":[\"presentValue\"]}}}}");
        patterns.put("untyped", "{\"dynamodb\":{\"NewImage\":{\"presentKey\":[\"presentValue\"]}}}");
        patterns.put("typedexists", "{\"dynamodb\":{\"NewImage\":{\"presentKey\":{\"S\":[{\"exists\":true}]}}}}");
        patterns.put("notexists", "{\"dynamodb\":{\"NewImage\":{\"presentKey\":[{\"exists\":false}]}}}");
        // Either condition may match: 42 is "anything but 101"; 101 is neither (a string is never > 100).
        patterns.put("numeric", "{\"dynamodb\":{\"NewImage\":{\"numericFilter\":{\"N\":"
                + "[{\"numeric\":[\">\",100]},{\"anything-but\":\"101\"}]}}}}");
        patterns.put("prefix", "{\"dynamodb\":{\"NewImage\":{\"prefix\":{\"S\":[{\"prefix\":\"us-1\"}]}}}}");
        patterns.put("created", "{\"dynamodb\":{\"ApproximateCreationDateTime\":[{\"numeric\":[\">\",0]}]}}");

        Map<String, List<String>> delivered = deliveredPerPattern(patterns, lambda -> {
            item(lambda, "present", Map.of("presentKey", AttributeValue.fromS("presentValue")));
            item(lambda, "absent", Map.of());
            item(lambda, "n-42", Map.of("numericFilter", AttributeValue.fromN("42")));
            item(lambda, "n-101", Map.of("numericFilter", AttributeValue.fromN("101")));
            item(lambda, "us", Map.of("prefix", AttributeValue.fromS("us-1-other-suffix")));
            item(lambda, "other", Map.of("prefix", AttributeValue.fromS("other-suffix")));
        });

        assertThat(delivered.get("typed")).containsExactly("present");
        assertThat(delivered.get("untyped")).isEmpty();
        assertThat(delivered.get("typedexists")).containsExactly("present");
        assertThat(delivered.get("notexists")).containsExactly("present", "absent", "n-42", "n-101", "us", "other");
        assertThat(delivered.get("numeric")).containsExactly("n-42");
        assertThat(delivered.get("prefix")).containsExactly("us");
        assertThat(delivered.get("created")).containsExactly("present", "absent", "n-42", "n-101", "us", "other");
    }

    @Test
    void eventLevelKeys_areAndEd_valuesOrEd_andAnUnchangedPutWritesNothingToFilter() {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("insert", "{\"eventName\":[\"INSERT\"]}");
        patterns.put("insertormodify", "{\"eventName\":[\"INSERT\",\"MODIFY\"]}");
        patterns.put("insertanddynamodb", "{\"eventName\":[\"INSERT\"],\"eventSource\":[\"aws:dynamodb\"]}");

        Map<String, List<String>> delivered = deliveredPerPattern(patterns, lambda -> {
            item(lambda, "same", Map.of("id2", AttributeValue.fromS("id2_value")));
            item(lambda, "same", Map.of("id2", AttributeValue.fromS("id2_value")));
            item(lambda, "changed", Map.of());
            item(lambda, "changed", Map.of("id2", AttributeValue.fromS("id2_new_value")));
        });

        assertThat(delivered.get("insert")).containsExactly("same", "changed");
        assertThat(delivered.get("insertormodify")).containsExactly("same", "changed", "changed");
        assertThat(delivered.get("insertanddynamodb")).containsExactly("same", "changed");
    }

    /**
     * Lambda's "Or (multiple fields)" and the engine's flattening of the record into dotted paths: a list or a set
     * attribute matches through any element, a map inside a list through its fields, and a dotted field name in
     * the pattern is the nested path.
     */
    @Test
    void orAndListAttributes_matchThroughTheFlattenedRecord() {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("or", "{\"dynamodb\":{\"NewImage\":{\"$or\":[{\"kind\":{\"S\":[\"gift\"]}},"
                + "{\"total\":{\"N\":[\"100\"]}}]}}}");
        patterns.put("listofmaps", "{\"dynamodb\":{\"NewImage\":{\"lines\":{\"L\":{\"M\":{\"sku\":{\"S\":"
                + "[\"B-2\"]}}}}}}}");
        patterns.put("set", "{\"dynamodb\":{\"NewImage\":{\"tags\":{\"SS\":[\"blue\"]}}}}");
        patterns.put("dotted", "{\"dynamodb.Keys.id.S\":[{\"prefix\":\"order-\"}]}");

        Map<String, List<String>> delivered = deliveredPerPattern(patterns, lambda -> {
            item(lambda, "gift", Map.of("kind", AttributeValue.fromS("gift")));
            item(lambda, "big", Map.of("total", AttributeValue.fromN("100")));
            item(lambda, "lines", Map.of("lines", AttributeValue.fromL(List.of(
                    AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("A-1"))),
                    AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("B-2")))))));
            item(lambda, "tagged", Map.of("tags", AttributeValue.fromSs(List.of("red", "blue"))));
            item(lambda, "order-1", Map.of());
        });

        assertThat(delivered.get("or")).containsExactly("gift", "big");
        assertThat(delivered.get("listofmaps")).containsExactly("lines");
        assertThat(delivered.get("set")).containsExactly("tagged");
        assertThat(delivered.get("dotted")).containsExactly("order-1");
    }
}
