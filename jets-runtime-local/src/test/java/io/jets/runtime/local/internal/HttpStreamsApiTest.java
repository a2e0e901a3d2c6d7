package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Streams calls as they go through a {@link HttpStreamsApi.Transport}, as an embedded server answers them. */
class HttpStreamsApiTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:8000");
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> sent = new ArrayList<>();

    @Test
    void records_sendsGetRecords_andReadsTheRecordsAndNextIterator() {
        HttpStreamsApi api = new HttpStreamsApi(ENDPOINT, json, (target, body) -> {
            sent.add(target + " " + new String(body, StandardCharsets.UTF_8));
            return reply(200, "{\"Records\":[{\"eventName\":\"INSERT\"}],\"NextShardIterator\":\"next\"}");
        });

        StreamsApi.RecordsPage page = api.records("it-1", 1000);

        assertThat(sent).containsExactly(
                "DynamoDBStreams_20120810.GetRecords {\"ShardIterator\":\"it-1\",\"Limit\":1000}");
        assertThat(page.records()).extracting(r -> r.path("eventName").asText()).containsExactly("INSERT");
        assertThat(page.nextShardIterator()).isEqualTo("next");
    }

    @Test
    void records_whenTheServerAnswersAnError_throwsItsShortTypeAndMessage() {
        HttpStreamsApi api = new HttpStreamsApi(ENDPOINT, json, (target, body) -> reply(400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\","
                        + "\"message\":\"Iterator expired\"}"));

        assertThatThrownBy(() -> api.records("old", 1000))
                .isExactlyInstanceOf(StreamsApiException.class)
                .hasMessage("ExpiredIteratorException: Iterator expired")
                .satisfies(e -> assertThat(((StreamsApiException) e).errorType())
                        .isEqualTo("ExpiredIteratorException"));
    }

    @Test
    void records_whenTheTransportFails_namesTheEndpoint() {
        HttpStreamsApi api = new HttpStreamsApi(ENDPOINT, json, (target, body) -> {
            throw new IOException("The server at http://127.0.0.1:8000 is closed");
        });

        assertThatThrownBy(() -> api.records("it-1", 1000))
                .isExactlyInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot reach DynamoDB at http://127.0.0.1:8000: The server at http://127.0.0.1:8000"
                        + " is closed");
    }

    private static HttpStreamsApi.Reply reply(int status, String body) {
        return new HttpStreamsApi.Reply(status, body.getBytes(StandardCharsets.UTF_8));
    }
}
