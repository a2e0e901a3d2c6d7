package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jets.cli.CliRun;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jets logs --aws} reads the function's CloudWatch log group (a local stub of FilterLogEvents). */
class LogsAwsIT {

    static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "dummy", "AWS_SECRET_ACCESS_KEY", "dummy",
            "AWS_REGION", "us-east-1");

    @TempDir
    Path dir;

    HttpServer cloudWatch;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\n");
        cloudWatch = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudWatch.createContext("/", exchange -> {
            requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"events\":[{\"eventId\":\"e1\",\"timestamp\":1795608000000,\"ingestionTime\":1795608000100,"
                    + "\"logStreamName\":\"2026/11/25/[$LATEST]abc\",\"message\":\"event {\\\"Records\\\":[]}\\n\"}],"
                    + "\"searchedLogStreams\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cloudWatch.start();
    }

    @AfterEach
    void stop() {
        cloudWatch.stop(0);
    }

    @Test
    void logsAws_readsTheFunctionsLogGroupSinceTheGivenTime() {
        CliRun run = CliRun.in(dir, ENV, "logs", "--aws", "-n", "clerk_event-file", "--since", "1h",
                "--endpoint-url", "http://127.0.0.1:" + cloudWatch.getAddress().getPort());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("2026-11-25T12:00:00Z event {\"Records\":[]}" + System.lineSeparator());
        assertThat(requests).singleElement().asString()
                .startsWith("Logs_20140328.FilterLogEvents ")
                .contains("\"logGroupName\":\"/aws/lambda/demo-dev-clerk_event-file\"")
                .contains("\"startTime\":" + CliRun.CLOCK.instant().minusSeconds(3600).toEpochMilli());
    }

    @Test
    void logsAws_withoutAFunctionName_asksForOne() {
        CliRun run = CliRun.in(dir, ENV, "logs", "--aws");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Which function? Name it with -n, for example: "
                + "jets logs --aws -n clerk_event-file" + System.lineSeparator());
    }
}
