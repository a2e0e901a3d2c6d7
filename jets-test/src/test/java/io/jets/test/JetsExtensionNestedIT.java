package io.jets.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.core.index.FunctionDefinition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@JetsTest(projectDirectory = "src/test/resources/fixtures/demo", functions = "clerk_event-file")
class JetsExtensionNestedIT {

    @Test
    void outerTest_usesTheClassSettings(Jets jets) {
        assertThat(jets.functions()).extracting(FunctionDefinition::name).containsExactly("clerk_event-file");
    }

    @Nested
    class WhenNested {

        @Test
        void nestedTest_usesTheEnclosingClassSettings(Jets jets) {
            assertThat(jets.functions()).extracting(FunctionDefinition::name).containsExactly("clerk_event-file");
            assertThat(jets.tableName("test-table")).isEqualTo("demo-dev_test-table");
        }
    }
}
