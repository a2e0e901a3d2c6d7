package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class SignatureIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start(b -> b.requireSignature("AKIDLOCAL", "local-secret"));
    private static final DynamoDbLocal server = local.server();

    private static DynamoDbClient client(String accessKey, String secret) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void correctlySignedRequest_isServed_andUsesTheScopeRegion() {
        try (DynamoDbClient client = client("AKIDLOCAL", "local-secret")) {
            Clients.createTable(client, "signed", false, null);

            assertThat(client.describeTable(b -> b.tableName("signed")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/signed");
        }
    }

    @Test
    void wrongSecret_isInvalidSignature() {
        try (DynamoDbClient client = client("AKIDLOCAL", "not-the-secret")) {
            assertThatThrownBy(() -> client.listTables())
                    .isInstanceOfSatisfying(DynamoDbException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"))
                    .hasMessageStartingWith("The request signature we calculated does not match the signature you"
                            + " provided.");
        }
    }

    @Test
    void unknownAccessKey_isUnrecognizedClient() {
        try (DynamoDbClient client = client("AKIDOTHER", "local-secret")) {
            assertThatThrownBy(() -> client.listTables())
                    .isInstanceOfSatisfying(DynamoDbException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"))
                    .hasMessageStartingWith("The security token included in the request is invalid.");
        }
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        server.endpoint() + "/")).header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationToken"
                + "Exception\",\"message\":\"Request is missing Authentication Token\"}");
    }
}
