package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What DynamoDB does at the HTTP level, below what SDK clients show: compressed requests it cannot decode,
 * compressed answers, the health check, CORS and the headers on every answer.
 */
class HttpConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LONG_NOTE = "n".repeat(5000);

    @BeforeAll
    static void createTable() {
        client.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        client.putItem(b -> b.tableName("orders").item(item("id", s("long"), "note", s(LONG_NOTE))));
    }

    private static HttpResponse<byte[]> post(String operation, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(local.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return compressed.toByteArray();
    }

    private static String putOrder(String id) {
        return "{\"TableName\":\"orders\",\"Item\":{\"id\":{\"S\":\"" + id + "\"}}}";
    }

    private static boolean stored(String id) {
        return client.getItem(b -> b.tableName("orders").key(item("id", s(id))).consistentRead(true)).hasItem();
    }

    @Test
    void answerHeaders_carryTheNamesAsDynamoDbWritesThem() throws IOException {
        try (java.net.Socket socket = new java.net.Socket(local.endpoint().getHost(), local.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nx-amzn-RequestId: ",
                    "\r\nx-amz-crc32: ", "\r\nContent-Type: application/x-amz-json-1.0\r\n");
        }
    }

    @Test
    void gzipBody_madeOfTwoMembers_isOneRequest() throws Exception {
        String body = putOrder("two-members");
        byte[] first = gzip(body.substring(0, 12));
        byte[] second = gzip(body.substring(12));
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);

        HttpResponse<byte[]> response = post("PutItem", joined, Map.of("Content-Encoding", "gzip"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stored("two-members")).isTrue();
    }

    @Test
    void bodyThatCannotBeDecoded_isAnInternalServerError_andWritesNothing() throws Exception {
        byte[] whole = gzip(putOrder("cut-short"));
        byte[] cutShort = java.util.Arrays.copyOf(whole, whole.length - 1);
        byte[] plain = putOrder("not-gzip").getBytes(StandardCharsets.UTF_8);
        byte[] unknown = putOrder("unknown-encoding").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> truncated = post("PutItem", cutShort, Map.of("Content-Encoding", "gzip"));
        HttpResponse<byte[]> notGzip = post("PutItem", plain, Map.of("Content-Encoding", "gzip"));
        HttpResponse<byte[]> empty = post("PutItem", new byte[0], Map.of("Content-Encoding", "gzip"));
        HttpResponse<byte[]> unknownEncoding = post("PutItem", unknown, Map.of("Content-Encoding", "snappy"));

        for (HttpResponse<byte[]> response : java.util.List.of(truncated, notGzip, empty, unknownEncoding)) {
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\"");
        }
        assertThat(stored("cut-short")).isFalse();
        assertThat(stored("not-gzip")).isFalse();
        assertThat(stored("unknown-encoding")).isFalse();
    }

    @Test
    void answerOf4KilobytesOrMore_isCompressedAsAccepted_withTheCrcOfTheCompressedBytes() throws Exception {
        byte[] getLong = "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"long\"}}}"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> gzipped = post("GetItem", getLong, Map.of("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> deflated = post("GetItem", getLong, Map.of("Accept-Encoding", "deflate"));
        HttpResponse<byte[]> plain = post("GetItem", getLong, Map.of());

        String expected = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(expected).contains(LONG_NOTE, "{\"S\":\"long\"}");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes())
                .asString(StandardCharsets.UTF_8).isEqualTo(expected);
        assertThat(gzipped.headers().firstValue("x-amz-crc32")).hasValue(crc32(gzipped.body()));
        assertThat(deflated.headers().firstValue("Content-Encoding")).hasValue("deflate");
        assertThat(new InflaterInputStream(new java.io.ByteArrayInputStream(deflated.body())).readAllBytes())
                .asString(StandardCharsets.UTF_8).isEqualTo(expected);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).asString(StandardCharsets.UTF_8).isEqualTo(expected);
    }

    @Test
    void answerUnder4Kilobytes_isNeverCompressed() throws Exception {
        client.putItem(b -> b.tableName("orders").item(item("id", s("short"), "note", s("brief"))));

        HttpResponse<byte[]> response = post("GetItem",
                "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"short\"}}}".getBytes(StandardCharsets.UTF_8),
                Map.of("Accept-Encoding", "gzip"));

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).asString(StandardCharsets.UTF_8).contains("{\"S\":\"brief\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "identity | none", "br | none", "x-gzip | none", "gzip, deflate | gzip",
        "br, identity, deflate, gzip | deflate",
        "GZIP, identity | gzip", "dog, gzip ,, cat | gzip", "br, gzip;q=0, deflate; q = 0.5 , identity;q=0 | deflate",
        "* | gzip", "*, deflate | deflate", "*, gzip;q=0.5 | deflate", "*;q=0 | none", "gzip ;q=0 | none",
        "*;q=0.5,identity | gzip", "gzip br | none", "deflate;q=0.5, gzip;q=31 | gzip",
        "deflate;q=0.5, gzip;q=1;q=0.2 | gzip", "deflate;q=0.5,gzip;q=0. | deflate",
        "deflate;q=0.5,gzip;q=0.x | gzip", "deflate;q=-0.5,gzip;q=0.2 | gzip", "gzip;nq=1;q=0 | none",
        "gzip;q=0, gzip;q=1, gzip;q=0 | gzip", "br,identity;q=0.5,gzip;q=0.0001 | gzip"})
    void acceptEncoding_picksTheCompressionAsDynamoDbDoes(String acceptEncoding, String expected) throws Exception {
        HttpResponse<byte[]> response = post("GetItem",
                "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"long\"}}}".getBytes(StandardCharsets.UTF_8),
                Map.of("Accept-Encoding", acceptEncoding));

        assertThat(response.headers().firstValue("Content-Encoding").orElse(null)).isEqualTo(expected);
    }

    @Test
    void repeatedAcceptEncoding_theLastOneCounts() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(local.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"long\"}}}"));

        HttpResponse<byte[]> lastGzip = HTTP.send(request.copy().header("Accept-Encoding", "identity")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> lastIdentity = HTTP.send(request.copy().header("Accept-Encoding", "gzip")
                .header("Accept-Encoding", "identity").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(lastGzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(lastIdentity.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void healthCheck_namesTheAddressedHost_andOnlyAtTheRoot() throws Exception {
        HttpResponse<String> root = HTTP.send(HttpRequest.newBuilder(local.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = HTTP.send(HttpRequest.newBuilder(local.endpoint().resolve("/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("healthy: " + local.endpoint().getAuthority());
        assertThat(elsewhere.statusCode()).isBetween(400, 404);
    }

    @Test
    void everyAnswer_carriesDateAndServer_successOrError() throws Exception {
        HttpResponse<byte[]> success = post("ListTables", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        HttpResponse<byte[]> failure = post("DescribeTable",
                "{\"TableName\":\"no-such-table\"}".getBytes(StandardCharsets.UTF_8), Map.of());

        for (HttpResponse<byte[]> response : java.util.List.of(success, failure)) {
            assertThat(response.headers().firstValue("Date").orElseThrow())
                    .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            assertThat(response.headers().firstValue("Server")).isPresent();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        }
    }

    @Test
    void requestWithoutOrigin_getsNoCorsHeaders() throws Exception {
        HttpResponse<byte[]> response = post("ListTables", "{}".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(response.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }

    @Test
    void requestFromAnOrigin_isAllowed_andAPreflightIsGrantedWhatItAsks() throws Exception {
        HttpResponse<byte[]> call = post("ListTables", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Origin", "http://console.example"));
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(local.endpoint())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://console.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-amz-target, content-type")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(call.headers().firstValue("Access-Control-Expose-Headers")).isPresent();
        assertThat(call.headers().firstValue("Access-Control-Max-Age")).isEmpty();
        assertThat(call.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("x-amz-target, content-type");
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Long.toString(crc.getValue());
    }

    @Test
    void requestWithoutABody_isASerializationException_withoutAMessage() throws Exception {
        HttpResponse<byte[]> response = post("ListTables", new byte[0], Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void requestSentAsApplicationJson_isAnsweredAsApplicationJson() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(local.endpoint())
                .header("Content-Type", "application/json")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"TableNames\":[");
    }

    @Test
    void tagResourceAndUntagResource_answerWithAnEmptyBody() throws Exception {
        String arn = client.describeTable(b -> b.tableName("orders")).table().tableArn();
        String tag = "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"jets\"}]}";
        String untag = "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"team\"]}";

        HttpResponse<byte[]> tagged = post("TagResource", tag.getBytes(StandardCharsets.UTF_8), Map.of());
        HttpResponse<byte[]> untagged = post("UntagResource", untag.getBytes(StandardCharsets.UTF_8), Map.of());

        for (HttpResponse<byte[]> response : List.of(tagged, untagged)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("0");
        }
    }
}
