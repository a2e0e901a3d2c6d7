package io.jets.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import io.jets.core.app.OrderEvent.Order;
import io.jets.core.app.Recorder;
import io.jets.core.app.TypedEvent;
import io.jets.core.app.TypedEvent.OrderRejectedException;
import io.jets.core.images.Change;
import io.jets.core.index.HandlerIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionDispatcherTest {

    private final ClassLoader classLoader = getClass().getClassLoader();
    private final FunctionDispatcher dispatcher = FunctionDispatcher.create(classLoader, HandlerIndex.load(classLoader));
    private final Context context =
            LocalContext.create("demo-dev-typed_event", Duration.ofSeconds(30), 512, Clock.systemUTC());

    @BeforeEach
    void clearRecorder() {
        Recorder.SEEN.clear();
    }

    @Test
    void invoke_withEventAndContextParameters_passesTheParsedEventAndTheContext() throws Exception {
        invoke("typed_event-event_and_context");

        List<?> seen = (List<?>) Recorder.SEEN.get(0);
        DynamodbEvent event = (DynamodbEvent) seen.get(0);
        assertThat(seen.get(1)).isSameAs(context);
        DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("MODIFY");
        assertThat(record.getDynamodb().getNewImage().get("name").getS()).isEqualTo("Tung Nguyen");
        assertThat(record.getDynamodb().getOldImage().get("name").getS()).isEqualTo("Tung");
        assertThat(record.getDynamodb().getSequenceNumber()).isEqualTo("261800000000059086429283");
        assertThat(record.getEventSourceARN())
                .isEqualTo("arn:aws:dynamodb:us-west-2:112233445566:table/test-table/stream/2019-02-15T23:01:06.871");
    }

    @Test
    void invoke_withParametersInOtherOrder_passesEachByType() throws Exception {
        invoke("typed_event-context_and_event");

        List<?> seen = (List<?>) Recorder.SEEN.get(0);
        assertThat(seen.get(0)).isSameAs(context);
        assertThat(seen.get(1)).isInstanceOf(DynamodbEvent.class);
    }

    @Test
    void invoke_twice_reusesOneInstancePerClass() throws Exception {
        invoke("typed_event-count");
        invoke("typed_event-count");

        List<?> first = (List<?>) Recorder.SEEN.get(0);
        List<?> second = (List<?>) Recorder.SEEN.get(1);
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(1)).isEqualTo(2);
    }

    @Test
    void prepare_createsTheInstanceThatLaterInvocationsUse() throws Exception {
        int before = TypedEvent.CONSTRUCTED.get();

        dispatcher.prepare("typed_event-count");
        dispatcher.prepare("typed_event-partial");
        assertThat(TypedEvent.CONSTRUCTED.get()).isEqualTo(before + 1);

        invoke("typed_event-count");
        assertThat(TypedEvent.CONSTRUCTED.get()).isEqualTo(before + 1);
        assertThat(((List<?>) Recorder.SEEN.get(0)).get(1)).isEqualTo(1);
    }

    @Test
    void prepare_withUnknownFunction_listsKnownFunctions() {
        assertThatThrownBy(() -> dispatcher.prepare("nope"))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessageStartingWith("Unknown function nope; known functions: ");
    }

    @Test
    void invoke_withStreamsEventResponse_writesLambdasJson() throws Exception {
        String response = invoke("typed_event-partial");

        assertThat(response).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"261800000000059086429283\"}]}");
    }

    @Test
    void invoke_whenUserMethodThrows_propagatesTheUserException() {
        assertThatThrownBy(() -> invoke("typed_event-explode"))
                .isExactlyInstanceOf(OrderRejectedException.class)
                .hasMessage("order 1 rejected");
    }

    @Test
    void invoke_withUnknownFunction_listsKnownFunctions() {
        assertThatThrownBy(() -> invoke("nope"))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessageStartingWith("Unknown function nope; known functions: broken_event-file, clerk_event-file, ");
    }

    @Test
    void invoke_whenHandlerConstructorThrows_throwsTheUsersExceptionFromTheConstructor() {
        assertThatThrownBy(() -> invoke("broken_event-file"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("TABLE_PREFIX is not set")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getStackTrace()[0].toString())
                        .startsWith("io.jets.core.app.BrokenEvent.<init>(BrokenEvent.java:"));
    }

    @Test
    void invoke_withPayloadThatIsNotJson_saysSo() {
        assertThatThrownBy(() -> invoke("clerk_event-file", "{\"Records\": ["))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessageStartingWith("The event is not valid JSON: ");
    }

    @Test
    void invoke_withTypedChanges_readsImagesIntoTheRecord() throws Exception {
        invoke("order_event-audit");

        @SuppressWarnings("unchecked")
        List<Change<Order>> changes = (List<Change<Order>>) Recorder.SEEN.get(0);
        assertThat(changes).hasSize(1);
        Change<Order> change = changes.get(0);
        assertThat(change.kind()).isEqualTo(Change.Kind.MODIFY);
        assertThat(change.keys()).isEqualTo(Map.of("id", "1"));
        assertThat(change.before()).contains(new Order("1", "Tung", null));
        assertThat(change.after()).contains(new Order("1", "Tung Nguyen", null));
        assertThat(change.sequenceNumber()).isEqualTo("261800000000059086429283");
        assertThat(change.approximateCreationTime()).hasToString("2019-02-15T23:16:39Z");
    }

    @Test
    void invoke_withPlainChanges_readsImagesAsMaps() throws Exception {
        invoke("order_event-plain");

        @SuppressWarnings("unchecked")
        List<Change<Map<String, Object>>> changes = (List<Change<Map<String, Object>>>) Recorder.SEEN.get(0);
        assertThat(changes.get(0).after()).contains(Map.of("name", "Tung Nguyen", "id", "1"));
    }

    @Test
    void invoke_withTumblingWindow_passesWindowAndWritesState() throws Exception {
        String payload = """
                {"Records":[{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",\
                "awsRegion":"us-east-1","dynamodb":{"Keys":{"id":{"N":"101"}},"NewImage":{"id":{"N":"101"}},\
                "SequenceNumber":"111","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"},\
                "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2020-01-01T00:00:00.000"}],\
                "window":{"start":"2020-07-30T17:00:00Z","end":"2020-07-30T17:05:00Z"},"state":{"count":"4"},\
                "shardId":"shard123456789","eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2020-01-01T00:00:00.000",\
                "isFinalInvokeForWindow":false,"isWindowTerminatedEarly":false}""";

        String response = invoke("window_event-tally", payload);

        DynamodbTimeWindowEvent event = (DynamodbTimeWindowEvent) Recorder.SEEN.get(0);
        assertThat(event.getWindow().getStart()).isEqualTo("2020-07-30T17:00:00Z");
        assertThat(event.getShardId()).isEqualTo("shard123456789");
        assertThat(event.getIsFinalInvokeForWindow()).isFalse();
        assertThat(response).isEqualTo("{\"state\":{\"count\":\"5\"},\"batchItemFailures\":[]}");
    }

    private String invoke(String function) throws Exception {
        return invoke(function, LambdaHandlerTest.text("/events/dynamodb/modify.json"));
    }

    private String invoke(String function, String payload) throws Exception {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        dispatcher.invoke(function, new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), response,
                context);
        return response.toString(StandardCharsets.UTF_8);
    }

}
