package io.jets.deploy.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jets.deploy.template.internal.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudFormation template, written as deterministic JSON (or YAML): the same inputs give the same bytes, so
 * templates diff cleanly and golden files compare exactly.
 *
 * <pre>{@code
 * CfnTemplate template = TemplateGenerator.create(config).generate(functions, resolver);
 * Files.writeString(out.resolve("demo-dev.template.json"), template.toJson());
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html">Template anatomy</a>
 */
public record CfnTemplate(String description, Map<String, Map<String, Object>> parameters,
                          Map<String, CfnResource> resources, Map<String, Map<String, Object>> outputs) {

    /** Largest template body CreateChangeSet accepts inline. */
    public static final int MAX_INLINE_BYTES = 51_200;
    /** Largest template CloudFormation accepts from S3. */
    public static final int MAX_S3_BYTES = 1_000_000;

    private static final ObjectWriter JSON = new ObjectMapper().writer(
            new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    public CfnTemplate {
        Objects.requireNonNull(description, "description");
        parameters = ordered(parameters);
        resources = ordered(resources);
        outputs = ordered(outputs);
    }

    public CfnResource resource(String logicalId) {
        CfnResource resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("No resource " + logicalId + " in the template; it has: "
                    + resources.keySet());
        }
        return resource;
    }

    /** The template as CloudFormation reads it, as nested maps and lists. */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("AWSTemplateFormatVersion", "2010-09-09");
        tree.put("Description", description);
        if (!parameters.isEmpty()) {
            tree.put("Parameters", parameters);
        }
        Map<String, Object> resourceTrees = new LinkedHashMap<>();
        resources.forEach((id, resource) -> resourceTrees.put(id, resource.toTree()));
        tree.put("Resources", resourceTrees);
        if (!outputs.isEmpty()) {
            tree.put("Outputs", outputs);
        }
        return tree;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toTree()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A template holds only maps, lists, strings, numbers and booleans", e);
        }
    }

    public String toYaml() {
        return YamlWriter.write(toTree());
    }

    /** Size of the JSON body in bytes, the figure CloudFormation's limits apply to. */
    public int jsonSize() {
        return toJson().getBytes(StandardCharsets.UTF_8).length;
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
