package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The fixture's own lifecycle: when its JUnit callbacks close the server, and that builder options reach it. */
class LocalServerIT {

    private static final byte[] EMPTY_REQUEST = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void afterEach_onAnInstanceField_closesTheServer() {
        LocalServer local = LocalServer.start();
        String endpoint = local.endpoint().toString();

        local.afterEach(null);

        assertClosed(local, endpoint);
    }

    @Test
    void afterEach_onAStaticField_keepsServing_untilAfterAll() {
        LocalServer local = LocalServer.start();
        String endpoint = local.endpoint().toString();
        local.beforeAll(null);

        local.afterEach(null);
        assertThat(local.dynamoDb().listTables().tableNames()).isEmpty();

        local.afterAll(null);
        assertClosed(local, endpoint);
    }

    @Test
    void start_withOptions_appliesThemToTheInMemoryServerOnItsOwnPort() {
        try (LocalServer local = LocalServer.start(b -> b.requireSignature("AKIDLOCAL", "local-secret"))) {
            assertThat(local.port()).isPositive();
            assertThat(local.endpoint().toString()).isEqualTo("http://127.0.0.1:" + local.port());
            assertThatThrownBy(() -> local.dynamoDb().listTables())
                    .isInstanceOfSatisfying(DynamoDbException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"))
                    .hasMessageStartingWith("The security token included in the request is invalid.");
        }
    }

    private static void assertClosed(LocalServer local, String endpoint) {
        assertThatThrownBy(() -> local.server().call("DynamoDB_20120810.ListTables", EMPTY_REQUEST))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("The server at " + endpoint + " is closed");
    }
}
