package io.jets.dynamodb.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests no SDK would send, posted as JSON 1.0 over HTTP, and the SerializationExceptions they are answered. */
final class RawRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RawRequests() {
    }

    static HttpResponse<String> post(URI endpoint, String operation, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/dynamodb/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                .header("X-Amz-Date", "20240101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** DynamoDB's front end answers with the type and a capitalized {@code Message}, and nothing else. */
    static void assertSerializationError(HttpResponse<String> response, String message) throws Exception {
        ObjectNode expected = JSON.createObjectNode()
                .put("__type", "com.amazon.coral.service#SerializationException")
                .put("Message", message);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())).isEqualTo(expected);
    }
}
