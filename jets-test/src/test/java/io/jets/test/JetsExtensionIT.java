package io.jets.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@JetsTest(projectDirectory = "src/test/resources/fixtures/demo")
class JetsExtensionIT {

    private Jets jets;

    @BeforeEach
    void keep(Jets jets) {
        this.jets = jets;
    }

    @Test
    void handlersTables_areCreatedWithTheProjectsNamespaceAndStreamsOn() {
        assertThat(jets.dynamoDb().listTables().tableNames())
                .containsExactlyInAnyOrder("demo-dev_test-table", "demo-dev_orders");
        var table = jets.dynamoDb().describeTable(b -> b.tableName("demo-dev_test-table")).table();
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(table.keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("id"));
    }

    @Test
    void awaitRecords_returnsTheSeedScenarioAsTheHandlerReceivedIt() {
        put("test-table", Map.of("id", s("id-1"), "name", s("name-1")));
        put("test-table", Map.of("id", s("id-1"), "name", s("name-1-edit-1")));

        List<DynamodbStreamRecord> records = jets.awaitRecords("clerk_event-file", 2);

        String streamArn = jets.dynamoDb().describeTable(b -> b.tableName("demo-dev_test-table")).table()
                .latestStreamArn();
        assertThat(records).extracting(DynamodbStreamRecord::getEventName).containsExactly("INSERT", "MODIFY");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
            assertThat(r.getEventSourceARN()).isEqualTo(streamArn);
        });
        var modify = records.get(1).getDynamodb();
        assertThat(modify.getOldImage().get("name").getS()).isEqualTo("name-1");
        assertThat(modify.getNewImage().get("name").getS()).isEqualTo("name-1-edit-1");
        assertThat(modify.getKeys().get("id").getS()).isEqualTo("id-1");
    }

    @Test
    void assertNoFurtherInvocations_countsAnInvocationThatArrivedBeforeItWasCalled() throws Exception {
        jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1"));
        jets.awaitRecords("clerk_event-file", 1);

        jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1-edit-1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jets.invocations("clerk_event-file").size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(jets.invocations("clerk_event-file")).hasSize(2);
        assertThatThrownBy(() -> jets.assertNoFurtherInvocations("clerk_event-file", Duration.ofMillis(200)))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("\"eventName\":\"MODIFY\"");
    }

    @Test
    void assertNoFurtherInvocations_passesForAPutThatChangesNothing_andFailsForOneThatDoes() {
        jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1"));
        jets.awaitRecords("clerk_event-file", 1);

        jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1"));
        jets.assertNoFurtherInvocations("clerk_event-file", Duration.ofMillis(500));

        jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1-edit-1"));
        assertThatThrownBy(() -> jets.assertNoFurtherInvocations("clerk_event-file", Duration.ofSeconds(5)))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expected no further invocation of clerk_event-file within 5000 ms, got one "
                        + "with: {\"Records\":[{")
                .hasMessageContaining("\"eventName\":\"MODIFY\"");
    }

    @Test
    void putItem_writesPlainValuesToTheNamespacedTable() {
        jets.putItem("test-table", Map.of("id", "id-2", "count", 3, "tags", java.util.Set.of("a")));

        var image = jets.awaitRecords("clerk_event-file", 1).get(0).getDynamodb().getNewImage();

        assertThat(image.get("id").getS()).isEqualTo("id-2");
        assertThat(image.get("count").getN()).isEqualTo("3");
        assertThat(image.get("tags").getSS()).containsExactly("a");
        assertThat(jets.dynamoDb().getItem(b -> b.tableName("demo-dev_test-table")
                .key(Map.of("id", s("id-2")))).item()).containsKey("count");
    }

    @Test
    void logs_holdTheHandlersOutputBetweenLambdasStartEndAndReportLines() {
        put("test-table", Map.of("id", s("id-1"), "name", s("name-1")));
        HandlerInvocation invocation = jets.awaitInvocations("clerk_event-file", 1).get(0);

        List<String> log = jets.logs("clerk_event-file");

        assertThat(log).anyMatch(line -> line.startsWith("START RequestId: "))
                .contains("event " + invocation.payload())
                .anyMatch(line -> line.startsWith("END RequestId: "))
                .anyMatch(line -> line.startsWith("REPORT RequestId: "));
    }

    @Test
    void awaitInvocations_includesFailedInvocationsWithWhatTheHandlerThrew() {
        put("orders", Map.of("id", s("order-1"), "fail", s("yes")));

        List<HandlerInvocation> invocations = jets.awaitInvocations("flaky_event-process", 3);

        assertThat(invocations).hasSize(3).allSatisfy(invocation -> {
            assertThat(invocation.succeeded()).isFalse();
            assertThat(invocation.error()).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot process order-1");
            assertThat(invocation.records()).singleElement()
                    .satisfies(r -> assertThat(r.getDynamodb().getKeys().get("id").getS()).isEqualTo("order-1"));
        });
        assertThatThrownBy(() -> jets.awaitRecords("flaky_event-process", 1, Duration.ofMillis(200)))
                .isExactlyInstanceOf(AssertionFailedError.class);
    }

    @Test
    void awaitRecords_whenNothingArrives_failsSayingWhatItGotAndShowingTheLog() {
        assertThatThrownBy(() -> jets.awaitRecords("clerk_event-file", 1, Duration.ofMillis(300)))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expected clerk_event-file to see 1 record(s) handled within 300 ms, "
                        + "got 0 record(s) handled.")
                .hasMessageContaining("Mapping on demo-dev_test-table: ")
                .hasMessageEndingWith("Log of clerk_event-file: (empty)");
    }

    @Test
    void unknownFunction_isRejectedNamingTheFunctionsThatRun() {
        assertThatThrownBy(() -> jets.awaitRecords("clerk_event-fil", 1))
                .isExactlyInstanceOf(JetsTestException.class)
                .hasMessage("Unknown function clerk_event-fil; the functions running are "
                        + "[clerk_event-file, flaky_event-process]");
    }

    private void put(String table, Map<String, AttributeValue> item) {
        jets.dynamoDb().putItem(b -> b.tableName(jets.tableName(table)).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
