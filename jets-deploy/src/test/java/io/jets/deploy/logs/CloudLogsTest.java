package io.jets.deploy.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.deploy.DeployException;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.stub.AwsStub;
import io.jets.deploy.stub.AwsStub.Response;
import io.jets.deploy.stub.StubAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudLogsTest {

    private static final String GROUP = "/aws/lambda/demo-dev-clerk_event-file";
    private static final Instant SINCE = Instant.parse("2026-11-25T11:50:00Z");

    private AwsStub stub;
    private AwsClients aws;
    private CloudLogs logs;

    @BeforeEach
    void start() throws Exception {
        stub = new AwsStub();
        aws = StubAws.clients(stub);
        logs = new CloudLogs(aws.logs(), d -> { });
    }

    @AfterEach
    void stop() {
        aws.close();
        stub.close();
    }

    @Test
    void fetch_readsEveryPageFromTheStartTimeWithTheFilterPattern() {
        stub.on("logs:FilterLogEvents", Response.logs("{\"events\":[" + event("1", 1795607400000L, "START RequestId: c6af9ac6")
                        + "],\"nextToken\":\"page-2\",\"searchedLogStreams\":[]}"))
                .on("logs:FilterLogEvents", Response.logs("{\"events\":[" + event("2", 1795607401000L, "event {\\\"Records\\\":[]}\\n")
                        + "],\"searchedLogStreams\":[]}"));

        List<LogLine> lines = logs.fetch(GROUP, SINCE, Optional.of("event"));

        assertThat(lines).extracting(LogLine::format).containsExactly(
                "2026-11-25T11:50:00Z START RequestId: c6af9ac6",
                "2026-11-25T11:50:01Z event {\"Records\":[]}");
        assertThat(stub.requests("logs:FilterLogEvents")).extracting(AwsStub.Request::bodyText).containsExactly(
                "{\"logGroupName\":\"" + GROUP + "\",\"startTime\":1795607400000,\"filterPattern\":\"event\"}",
                "{\"logGroupName\":\"" + GROUP + "\",\"startTime\":1795607400000,\"filterPattern\":\"event\",\"nextToken\":\"page-2\"}");
    }

    @Test
    void follow_printsEachEventOnceAcrossOverlappingPolls() {
        stub.on("logs:FilterLogEvents", Response.logs("{\"events\":[" + event("a", 1795607400000L, "one") + ","
                        + event("b", 1795607401000L, "two") + "]}"))
                .on("logs:FilterLogEvents", Response.logs("{\"events\":[" + event("b", 1795607401000L, "two") + ","
                        + event("c", 1795607401000L, "three") + "]}"))
                .on("logs:FilterLogEvents", Response.logs("{\"events\":[" + event("c", 1795607401000L, "three") + ","
                        + event("d", 1795607402000L, "four") + "]}"));
        List<String> printed = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();

        logs.follow(GROUP, SINCE, Optional.empty(), Duration.ofSeconds(1), line -> printed.add(line.message()),
                () -> polls.incrementAndGet() < 3);

        assertThat(printed).containsExactly("one", "two", "three", "four");
        assertThat(stub.requests("logs:FilterLogEvents").get(1).bodyText()).contains("\"startTime\":1795607401000");
    }

    @Test
    void fetch_missingLogGroup_failsSayingTheFunctionIsNotDeployed() {
        stub.on("logs:FilterLogEvents", Response.text(400, "application/x-amz-json-1.1",
                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"The specified log group does not exist.\"}"));

        assertThatThrownBy(() -> logs.fetch(GROUP, SINCE, Optional.empty()))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Log group " + GROUP + " does not exist: the function is not deployed (run jets deploy) "
                        + "or has not run yet");
    }

    private static String event(String id, long timestamp, String message) {
        return "{\"logStreamName\":\"2026/11/25/[$LATEST]0123456789abcdef\",\"timestamp\":" + timestamp
                + ",\"message\":\"" + message + "\",\"ingestionTime\":" + (timestamp + 500) + ",\"eventId\":\"" + id + "\"}";
    }
}
