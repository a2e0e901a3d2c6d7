package io.jets.deploy.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlWriterTest {

    @Test
    void write_quotesEveryStringAndKeysYamlWouldMisread() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("Variables", new LinkedHashMap<>(Map.of("ON", "true")));
        tree.put("Numbers", List.of(1, "1", true));
        tree.put("Text", "line \"one\"\nline two\\");
        tree.put("Empty", List.of());
        tree.put("weird key", Map.of());

        assertThat(YamlWriter.write(tree)).isEqualTo("""
                Variables:
                  "ON": "true"
                Numbers:
                  - 1
                  - "1"
                  - true
                Text: "line \\"one\\"\\nline two\\\\"
                Empty: []
                "weird key": {}
                """);
    }

    @Test
    void write_listOfMaps_putsTheFirstKeyOnTheDashLine() {
        Map<String, Object> tree = Map.of("Statement", List.of(new LinkedHashMap<>(Map.of("Effect", "Allow"))));

        assertThat(YamlWriter.write(tree)).isEqualTo("Statement:\n  - Effect: \"Allow\"\n");
    }
}
