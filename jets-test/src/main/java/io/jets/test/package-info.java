/**
 * Testing Jets handlers with JUnit 5.
 *
 * <h2>End to end, against the local server: {@link io.jets.test.JetsTest}</h2>
 * Add {@code io.jets:jets-test} with scope {@code test}. Annotate the test class with {@code @JetsTest} and take a
 * {@link io.jets.test.Jets} parameter: before each test a fresh in-memory DynamoDB server with Streams is started on
 * a free port, the tables the application's handlers name are created (namespaced by {@code jets.properties},
 * key {@code id} of type S, stream NEW_AND_OLD_IMAGES) and the handlers' event source mappings run as under
 * {@code jets dev}.
 * <pre>{@code
 * @JetsTest
 * class ClerkEventTest {
 *
 *     @Test
 *     void file_receivesTheInsertedItem(Jets jets) {
 *         jets.dynamoDb().putItem(b -> b.tableName(jets.tableName("test-table"))
 *                 .item(Map.of("id", AttributeValue.fromS("id-1"), "name", AttributeValue.fromS("name-1"))));
 *
 *         List<DynamodbStreamRecord> records = jets.awaitRecords("clerk_event-file", 1);
 *
 *         assertThat(records.get(0).getEventName()).isEqualTo("INSERT");
 *         assertThat(jets.logs("clerk_event-file")).anyMatch(line -> line.startsWith("event "));
 *     }
 * }
 * }</pre>
 * {@code awaitRecords(function, n)} waits (10 s by default) until the handler returned normally for n records;
 * {@code awaitInvocations(function, n)} returns n invocations, failed ones included, each with its payload and
 * what the handler threw. On time-out they fail the test with what arrived, the mapping's state and the log.
 * {@code assertNoFurtherInvocations(function, period)} checks that a write does not reach the handler.
 *
 * <h2>Unit tests, no server: {@link io.jets.core.testing.DynamodbEvents}</h2>
 * jets-core builds the exact payloads Lambda delivers (the same ones {@code jets generate:payload} writes):
 * <pre>{@code
 * DynamodbEvent event = DynamodbEvents.modify("demo-dev_test-table")
 *         .key("id", "id-1")
 *         .oldImage(Map.of("name", "name-1"))
 *         .newImage(Map.of("name", "name-1-edit-1"))
 *         .toEvent();
 * new ClerkEvent().audit(event);                       // a handler method that takes the event
 * }</pre>
 * The payload is Lambda's exact JSON ({@code toJson()}), so it can also be fed to
 * {@code FunctionDispatcher.create(loader, HandlerIndex.load(loader)).invoke("clerk_event-file", record.toInputStream(),
 * out, context)}, which runs the handler exactly as the deployed entry point does.
 */
package io.jets.test;
