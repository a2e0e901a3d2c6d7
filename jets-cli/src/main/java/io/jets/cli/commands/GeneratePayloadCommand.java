package io.jets.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.cli.CliException;
import io.jets.cli.JetsCommand;
import io.jets.cli.Project;
import io.jets.cli.generate.ProjectFiles;
import io.jets.core.events.DynamodbEventJson;
import io.jets.core.images.Images;
import io.jets.core.testing.DynamodbEvents;
import io.jets.core.testing.StreamRecordBuilder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jets generate:payload dynamodb --event-name MODIFY --table test-table --new '{...}' --old '{...}'}: prints
 * the event Lambda would deliver for that change, ready for {@code jets call --event file://event.json}. Images
 * are DynamoDB JSON ({@code {"id":{"S":"1"}}}) or plain JSON ({@code {"id":"1"}}).
 */
@Command(name = "generate:payload", description = "Prints the Lambda event for an item change, for jets call and tests.")
public final class GeneratePayloadCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    // a payload's only fractional number is ApproximateCreationDateTime, a double as Lambda writes it (1.5E9)
    private static final ObjectMapper PAYLOAD = new ObjectMapper();
    private static final Set<String> TYPE_DESCRIPTORS = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    private static final List<String> EVENT_NAMES = List.of("INSERT", "MODIFY", "REMOVE");

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRIGGER", description = "The event source. Supported: dynamodb.")
    String trigger;

    @Option(names = "--event-name", paramLabel = "NAME", defaultValue = "INSERT",
            description = "INSERT (default), MODIFY or REMOVE.")
    String eventName;

    @Option(names = "--table", paramLabel = "TABLE", defaultValue = "test-table",
            description = "Table as in the annotation (namespaced inside a project), or a stream ARN (default test-table).")
    String table;

    @Option(names = "--new", paramLabel = "JSON", description = "The item after the change.")
    String newImage;

    @Option(names = "--old", paramLabel = "JSON", description = "The item before the change.")
    String oldImage;

    @Option(names = "--key", paramLabel = "ATTRIBUTE", defaultValue = "id", split = ",",
            description = "Key attribute names, partition key first (default id).")
    List<String> keyNames;

    @Option(names = "--stream-view-type", paramLabel = "TYPE", defaultValue = "NEW_AND_OLD_IMAGES",
            description = "KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES (default).")
    String streamViewType;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1", description = "awsRegion (default us-east-1).")
    String region;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (!GenerateEventCommand.TRIGGERS.contains(trigger)) {
            throw new CliException("Unknown trigger: " + trigger + ". Supported triggers: "
                    + String.join(", ", GenerateEventCommand.TRIGGERS));
        }
        if (!EVENT_NAMES.contains(eventName)) {
            throw new CliException("--event-name must be INSERT, MODIFY or REMOVE, got: " + eventName);
        }
        Optional<ObjectNode> after = image("--new", newImage);
        Optional<ObjectNode> before = image("--old", oldImage);
        if (!eventName.equals("REMOVE") && after.isEmpty()) {
            throw new CliException("A" + (eventName.equals("INSERT") ? "n " : " ") + eventName
                    + " needs the new item: --new '{\"id\":{\"S\":\"id-1\"}}'");
        }
        if (eventName.equals("REMOVE") && before.isEmpty()) {
            throw new CliException("A REMOVE needs the deleted item: --old '{\"id\":{\"S\":\"id-1\"}}'");
        }
        if (eventName.equals("INSERT") && before.isPresent()) {
            throw new CliException("An INSERT has no old item: drop --old, or use --event-name MODIFY");
        }
        if (eventName.equals("REMOVE") && after.isPresent()) {
            throw new CliException("A REMOVE has no new item: drop --new, or use --event-name MODIFY");
        }

        StreamRecordBuilder record = switch (eventName) {
            case "INSERT" -> DynamodbEvents.insert(physicalTable());
            case "MODIFY" -> DynamodbEvents.modify(physicalTable());
            default -> DynamodbEvents.remove(physicalTable());
        };
        ObjectNode source = after.orElseGet(before::orElseThrow);
        ObjectNode keys = JSON.createObjectNode();
        for (String name : keyNames) {
            JsonNode value = source.get(name);
            if (value == null) {
                throw new CliException("Key attribute " + name + " is not in " + (after.isPresent() ? "--new" : "--old")
                        + ". Name the table's key attributes with --key, for example: --key pk,sk");
            }
            keys.set(name, value);
        }
        record.keysJson(keys.toString()).streamViewType(streamViewType).region(region)
                .at(root.workspace().clock().instant());
        after.ifPresent(image -> record.newImageJson(image.toString()));
        before.ifPresent(image -> record.oldImageJson(image.toString()));
        out.println(PAYLOAD.writerWithDefaultPrettyPrinter().writeValueAsString(PAYLOAD.readTree(record.toJson())));
        out.flush();
        return 0;
    }

    private String physicalTable() {
        if (ProjectFiles.isStreamArn(table)) {
            return table;
        }
        try {
            Project project = root.workspace().project();
            return project.config().tableName(table);
        } catch (CliException noProject) {
            return table; // outside a project there is no namespace to apply
        }
    }

    /** DynamoDB JSON as given; plain JSON converted to DynamoDB JSON. */
    private static Optional<ObjectNode> image(String option, String json) {
        if (json == null) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CliException(option + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new CliException(option + " must be a JSON object such as {\"id\":{\"S\":\"id-1\"}}, got: " + json);
        }
        if (isDynamoDbJson(object)) {
            return Optional.of(object);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.convertValue(object, Map.class);
        return Optional.of(DynamodbEventJson.imageTree(Images.toImage(values)));
    }

    private static boolean isDynamoDbJson(ObjectNode image) {
        for (JsonNode value : image) {
            if (!value.isObject() || value.size() != 1 || !TYPE_DESCRIPTORS.contains(value.fieldNames().next())) {
                return false;
            }
        }
        return true;
    }
}
