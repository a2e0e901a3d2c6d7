package io.jets.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Checks a template against the CloudFormation resource specification (test resource
 * {@code cloudformation-resource-spec-subset.json}): resource types and properties exist, required properties are
 * present, values have the declared primitive, list, map or property type, and Ref / Fn::GetAtt point at
 * something that exists. Returns the problems found, empty for a valid template.
 *
 * <p>The specification types a function's {@code Runtime} as any string; Lambda takes only the values of its API's
 * {@code Runtime} enumeration (in the SDK's model), so a {@code Runtime} outside it is reported too.
 */
public final class CfnSpecValidator {

    private static final Set<String> INTRINSICS = Set.of("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::If",
            "Fn::Select", "Fn::ImportValue", "Fn::FindInMap", "Fn::Base64", "Fn::GetAZs", "Fn::Split");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::Region", "AWS::Partition",
            "AWS::StackName", "AWS::StackId", "AWS::URLSuffix", "AWS::NoValue");

    private final JsonNode spec;

    public CfnSpecValidator() {
        try (InputStream in = CfnSpecValidator.class.getResourceAsStream("/cloudformation-resource-spec-subset.json")) {
            spec = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> validate(String templateJson) {
        JsonNode template;
        try {
            template = new ObjectMapper().readTree(templateJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        if (!resources.isObject() || resources.isEmpty()) {
            problems.add("Resources: missing or empty");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            validateResource(entry.getKey(), entry.getValue(), template, problems);
        }
        return problems;
    }

    private void validateResource(String id, JsonNode resource, JsonNode template, List<String> problems) {
        String type = resource.path("Type").asText();
        JsonNode resourceSpec = spec.path("ResourceTypes").path(type);
        if (resourceSpec.isMissingNode()) {
            problems.add(id + ": unknown resource type " + type);
            return;
        }
        for (JsonNode dependency : resource.path("DependsOn")) {
            if (!template.path("Resources").has(dependency.asText())) {
                problems.add(id + ".DependsOn: no resource " + dependency.asText());
            }
        }
        validateProperties(id, type, resourceSpec.path("Properties"), resource.path("Properties"), template, problems);
        JsonNode runtime = resource.path("Properties").path("Runtime");
        if (type.equals("AWS::Lambda::Function") && runtime.isTextual()
                && Runtime.fromValue(runtime.asText()) == Runtime.UNKNOWN_TO_SDK_VERSION) {
            problems.add(id + ".Runtime: not a Lambda runtime: " + runtime.asText());
        }
    }

    private void validateProperties(String path, String resourceType, JsonNode propertySpecs, JsonNode properties,
                                    JsonNode template, List<String> problems) {
        if (!properties.isObject()) {
            problems.add(path + ": expected an object of properties, got " + properties);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = propertySpecs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().path("Required").asBoolean() && !properties.has(entry.getKey())) {
                problems.add(path + ": required property " + entry.getKey() + " missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode propertySpec = propertySpecs.path(entry.getKey());
            String propertyPath = path + "." + entry.getKey();
            if (propertySpec.isMissingNode()) {
                problems.add(propertyPath + ": no such property");
                continue;
            }
            validateValue(propertyPath, resourceType, propertySpec, entry.getValue(), template, problems);
        }
    }

    private void validateValue(String path, String resourceType, JsonNode propertySpec, JsonNode value,
                               JsonNode template, List<String> problems) {
        if (isIntrinsic(value)) {
            validateIntrinsic(path, value, template, problems);
            return;
        }
        if (propertySpec.has("PrimitiveType")) {
            validatePrimitive(path, propertySpec.path("PrimitiveType").asText(), value, problems);
            return;
        }
        String type = propertySpec.path("Type").asText();
        if (type.equals("List")) {
            if (!value.isArray()) {
                problems.add(path + ": expected a list, got " + value);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                validateItem(path + "[" + i + "]", resourceType, propertySpec, value.get(i), template, problems);
            }
        } else if (type.equals("Map")) {
            if (!value.isObject()) {
                problems.add(path + ": expected a map, got " + value);
                return;
            }
            value.fields().forEachRemaining(e -> validateItem(path + "." + e.getKey(), resourceType, propertySpec,
                    e.getValue(), template, problems));
        } else {
            validatePropertyType(path, resourceType, type, value, template, problems);
        }
    }

    private void validateItem(String path, String resourceType, JsonNode propertySpec, JsonNode item,
                              JsonNode template, List<String> problems) {
        if (isIntrinsic(item)) {
            validateIntrinsic(path, item, template, problems);
        } else if (propertySpec.has("PrimitiveItemType")) {
            validatePrimitive(path, propertySpec.path("PrimitiveItemType").asText(), item, problems);
        } else {
            validatePropertyType(path, resourceType, propertySpec.path("ItemType").asText(), item, template, problems);
        }
    }

    private void validatePropertyType(String path, String resourceType, String type, JsonNode value,
                                      JsonNode template, List<String> problems) {
        JsonNode typeSpec = type.equals("Tag") ? spec.path("PropertyTypes").path("Tag")
                : spec.path("PropertyTypes").path(resourceType + "." + type);
        if (typeSpec.isMissingNode()) {
            problems.add(path + ": unknown property type " + resourceType + "." + type);
            return;
        }
        validateProperties(path, resourceType, typeSpec.path("Properties"), value, template, problems);
    }

    private static void validatePrimitive(String path, String type, JsonNode value, List<String> problems) {
        boolean ok = switch (type) {
            case "String" -> value.isTextual();
            case "Integer", "Long" -> value.isIntegralNumber();
            case "Double" -> value.isNumber();
            case "Boolean" -> value.isBoolean();
            case "Json" -> value.isObject();
            case "Timestamp" -> value.isTextual();
            default -> false;
        };
        if (!ok) {
            problems.add(path + ": expected " + type + ", got " + value);
        }
    }

    private static boolean isIntrinsic(JsonNode value) {
        return value.isObject() && value.size() == 1 && INTRINSICS.contains(value.fieldNames().next());
    }

    private void validateIntrinsic(String path, JsonNode value, JsonNode template, List<String> problems) {
        String function = value.fieldNames().next();
        JsonNode argument = value.path(function);
        if (function.equals("Ref")) {
            String target = argument.asText();
            if (!template.path("Resources").has(target) && !template.path("Parameters").has(target)
                    && !PSEUDO_PARAMETERS.contains(target)) {
                problems.add(path + ": Ref to unknown " + target);
            }
        } else if (function.equals("Fn::GetAtt")) {
            String target = argument.path(0).asText();
            String attribute = argument.path(1).asText();
            JsonNode targetResource = template.path("Resources").path(target);
            if (targetResource.isMissingNode()) {
                problems.add(path + ": Fn::GetAtt of unknown resource " + target);
            } else if (spec.path("ResourceTypes").path(targetResource.path("Type").asText()).path("Attributes")
                    .path(attribute).isMissingNode()) {
                problems.add(path + ": " + targetResource.path("Type").asText() + " has no attribute " + attribute);
            }
        } else if (function.equals("Fn::Sub")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}!]+)}").matcher(argument.asText());
            while (m.find()) {
                String name = m.group(1).split("\\.")[0];
                if (!template.path("Resources").has(name) && !template.path("Parameters").has(name)
                        && !PSEUDO_PARAMETERS.contains(name)) {
                    problems.add(path + ": Fn::Sub names unknown " + name);
                }
            }
        }
    }
}
