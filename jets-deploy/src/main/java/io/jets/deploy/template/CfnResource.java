package io.jets.deploy.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource of a {@link CfnTemplate}: its type ({@code AWS::Lambda::Function}), its properties in the order
 * they are written, and the logical IDs it must wait for.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html">Resources</a>
 */
public record CfnResource(String type, Map<String, Object> properties, List<String> dependsOn) {

    public CfnResource {
        Objects.requireNonNull(type, "type");
        // Insertion order is the output order, so keep it (Map.copyOf would not).
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        dependsOn = List.copyOf(dependsOn);
    }

    public CfnResource(String type, Map<String, Object> properties) {
        this(type, properties, List.of());
    }

    /** The resource as it appears in the template's {@code Resources} section. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("Type", type);
        if (!dependsOn.isEmpty()) {
            tree.put("DependsOn", dependsOn);
        }
        tree.put("Properties", properties);
        return tree;
    }
}
