package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jets.cli.CliRun;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jets call --aws} invokes the deployed function through Lambda's Invoke API (a local stub of it). */
class CallAwsIT {

    static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "dummy", "AWS_SECRET_ACCESS_KEY", "dummy",
            "AWS_REGION", "us-east-1");
    static final String LOG_TAIL = "START RequestId: r1 Version: $LATEST\nevent {\"Records\":[]}\nEND RequestId: r1\n";

    @TempDir
    Path dir;

    HttpServer lambda;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String functionError;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("jets.properties"), "project.name=demo\n");
        lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lambda.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("X-Amz-Log-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body;
            if (status == 404) {
                body = "{\"Type\":\"User\",\"Message\":\"Function not found\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Amzn-ErrorType", "ResourceNotFoundException");
            } else {
                body = (functionError == null ? "null" : "{\"errorMessage\":\"boom\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Amz-Log-Result",
                        Base64.getEncoder().encodeToString(LOG_TAIL.getBytes(StandardCharsets.UTF_8)));
                exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
                if (functionError != null) {
                    exchange.getResponseHeaders().add("X-Amz-Function-Error", functionError);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lambda.start();
    }

    @AfterEach
    void stop() {
        lambda.stop(0);
    }

    private CliRun call() {
        return CliRun.in(dir, ENV, "call", "clerk_event-file", "--aws", "--event", "{\"Records\":[]}",
                "--endpoint-url", "http://127.0.0.1:" + lambda.getAddress().getPort());
    }

    @Test
    void callAws_invokesTheDeployedFunctionAndPrintsItsLogTailAndResult() {
        CliRun run = call();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("null" + System.lineSeparator());
        assertThat(run.err()).isEqualTo(LOG_TAIL);
        assertThat(requests).containsExactly(
                "POST /2015-03-31/functions/demo-dev-clerk_event-file/invocations Tail {\"Records\":[]}");
    }

    @Test
    void callAws_functionError_exitsNonZeroWithLambdasErrorPayload() {
        functionError = "Unhandled";

        CliRun run = call();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("{\"errorMessage\":\"boom\"}" + System.lineSeparator());
    }

    @Test
    void callAws_notDeployed_saysHowToDeploy() {
        status = 404;

        CliRun run = call();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Function demo-dev-clerk_event-file is not deployed. Deploy it with: "
                + "jets deploy" + System.lineSeparator());
    }
}
