package io.jets.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.index.FunctionDefinition;
import io.jets.test.internal.Tables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class JetsBuilderIT {

    private static final Path DEMO = Path.of("src/test/resources/fixtures/demo");
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private JetsBuilder demo() {
        return Jets.builder().projectDirectory(DEMO).environment(Map.of()).status(quiet);
    }

    @Test
    void functions_runsOnlyTheNamedFunctionsAndCreatesOnlyTheirTables() {
        try (Jets jets = demo().functions("clerk_event-file").start()) {
            assertThat(jets.functions()).extracting(FunctionDefinition::name).containsExactly("clerk_event-file");
            assertThat(jets.dynamoDb().listTables().tableNames()).containsExactly("demo-dev_test-table");
        }
    }

    @Test
    void functions_withAnUnknownName_isRejectedListingTheApplicationsFunctions() {
        assertThatThrownBy(() -> demo().functions("clerk-file").start())
                .isExactlyInstanceOf(JetsTestException.class)
                .hasMessage("Unknown function clerk-file; the application's functions are "
                        + "[clerk_event-file, flaky_event-process]");
    }

    @Test
    void environment_jetsEnvChangesTheTableNamespace() {
        try (Jets jets = demo().environment(Map.of("JETS_ENV", "test")).functions("clerk_event-file").start()) {
            assertThat(jets.tableName("test-table")).isEqualTo("demo-test_test-table");
            assertThat(jets.dynamoDb().listTables().tableNames()).containsExactly("demo-test_test-table");
        }
    }

    @Test
    void keysAndStreamViewType_shapeTheTablesCreated() {
        try (Jets jets = demo().keys("pk", "sk").streamViewType(StreamViewType.KEYS_ONLY).start()) {
            var table = jets.dynamoDb().describeTable(b -> b.tableName("demo-dev_orders")).table();
            assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                    .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
            assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        }
    }

    @Test
    void createTablesFalse_mappingAttachesToATableTheTestCreatesLater() {
        try (Jets jets = demo().createTables(false).functions("clerk_event-file").start()) {
            assertThat(jets.dynamoDb().listTables().tableNames()).isEmpty();

            Tables.create(jets.dynamoDb(), "demo-dev_test-table", "id", "", StreamViewType.NEW_IMAGE);
            jets.dynamoDb().putItem(b -> b.tableName("demo-dev_test-table")
                    .item(Map.of("id", AttributeValue.fromS("late-1"))));

            var records = jets.awaitRecords("clerk_event-file", 1);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getEventName()).isEqualTo("INSERT");
                assertThat(r.getDynamodb().getStreamViewType()).isEqualTo("NEW_IMAGE");
            });
        }
    }

    @Test
    void twoInstances_shareNothing() {
        try (Jets first = demo().start(); Jets second = demo().start()) {
            first.dynamoDb().putItem(b -> b.tableName("demo-dev_test-table")
                    .item(Map.of("id", AttributeValue.fromS("only-in-first"))));
            first.awaitRecords("clerk_event-file", 1);

            assertThat(second.endpoint()).isNotEqualTo(first.endpoint());
            assertThat(second.dynamoDb().scan(b -> b.tableName("demo-dev_test-table")).items()).isEmpty();
            assertThat(second.invocations("clerk_event-file")).isEmpty();
        }
    }

    @Test
    void keys_withABlankPartitionKey_isRejected() {
        assertThatThrownBy(() -> Jets.builder().keys(" ", ""))
                .isExactlyInstanceOf(JetsTestException.class)
                .hasMessage("partitionKey must be an attribute name, got: ' '");
    }
}
