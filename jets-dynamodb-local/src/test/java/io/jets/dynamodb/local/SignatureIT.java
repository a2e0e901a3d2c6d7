package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
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

    @Test
    void requestDatedMoreThanFiveMinutesAgo_isSignatureExpired_evenForAnUnknownAccessKey() throws Exception {
        HttpResponse<String> response = sendWithDate("20170101T010101Z");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).matches("\\{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\","
                + "\"message\":\"Signature expired: 20170101T010101Z is now earlier than \\d{8}T\\d{6}Z"
                + " \\(\\d{8}T\\d{6}Z - 5 min\\.\\)\"}");
    }

    @Test
    void requestDatedMoreThanFiveMinutesAhead_isSignatureNotYetCurrent() throws Exception {
        HttpResponse<String> response = sendWithDate("30200101T010101Z");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).matches("\\{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\","
                + "\"message\":\"Signature not yet current: 30200101T010101Z is still later than \\d{8}T\\d{6}Z"
                + " \\(\\d{8}T\\d{6}Z \\+ 5 min\\.\\)\"}");
    }

    @Test
    void expiredMessage_namesTheWindowAroundTheServerTime() throws Exception {
        DateTimeFormatter amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        String stale = amzDate.format(Instant.now().minusSeconds(600));

        String body = sendWithDate(stale).body();

        Instant earliest = Instant.from(amzDate.parse(body.substring(body.indexOf("earlier than ") + 13,
                body.indexOf(" ("))));
        Instant now = Instant.from(amzDate.parse(body.substring(body.indexOf(" (") + 2, body.indexOf(" - 5 min."))));
        assertThat(now.minusSeconds(300)).isEqualTo(earliest);
        assertThat(now).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    }

    @Test
    void authorizationComponentsSeparatedByCommasAlone_areAccepted() throws Exception {
        Map<String, List<String>> signed = signedListTables();
        String authorization = signed.get("Authorization").get(0);
        int algorithmEnd = authorization.indexOf(' ');
        String squeezed = authorization.substring(0, algorithmEnd + 1)
                + authorization.substring(algorithmEnd + 1).replace(" ", "");

        HttpResponse<String> response = send(signed, squeezed);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void authorizationComponentsSeparatedByWhitespaceAlone_areAccepted() throws Exception {
        Map<String, List<String>> signed = signedListTables();

        HttpResponse<String> response = send(signed, signed.get("Authorization").get(0).replace(", ", " "));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSignature_showsTheCanonicalStringAndStringToSignTheServerExpected() throws Exception {
        Map<String, List<String>> signed = signedListTables("not-the-secret");
        String amzDate = signed.get("X-Amz-Date").get(0);
        String signedHeaders = signed.get("Authorization").get(0).replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        StringBuilder canonical = new StringBuilder("POST\n/\n\n");
        for (String name : signedHeaders.split(";")) {
            String value = name.equals("host") ? server.endpoint().getAuthority()
                    : signed.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().orElseThrow().getValue().get(0);
            canonical.append(name).append(':').append(value).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(sha256Hex("{}"));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + amzDate.substring(0, 8)
                + "/us-east-1/dynamodb/aws4_request\n" + sha256Hex(canonical.toString());

        HttpResponse<String> response = send(signed, signed.get("Authorization").get(0));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("message").asText()).isEqualTo(
                "The request signature we calculated does not match the signature you provided. Check your AWS"
                        + " Secret Access Key and signing method. Consult the service documentation for details."
                        + "\n\nThe Canonical String for this request should have been\n'" + canonical
                        + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
    }

    @Test
    void authorizationLeavingPartsOut_isIncompleteSignature_namingEachMissingPart() throws Exception {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/dynamodb/aws4_request";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        server.endpoint() + "/")).header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        ObjectNode error = (ObjectNode) new ObjectMapper().readTree(response.body());
        assertThat(error.get("__type").asText()).isEqualTo("com.amazon.coral.service#IncompleteSignatureException");
        assertThat(error.get("message").asText()).isEqualTo("Authorization header requires 'Signature' parameter."
                + " Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence"
                + " of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + authorization);
    }

    @Test
    void authorizationWithoutCredential_isIncompleteSignature() throws Exception {
        HttpResponse<String> response = sendWithDateAndAuthorization(
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()),
                "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=0123");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("message").asText()).isEqualTo(
                "Authorization header requires 'Credential' parameter."
                        + " Authorization=AWS4-HMAC-SHA256 SignedHeaders=host, Signature=0123");
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> sendWithDate(String amzDate) throws Exception {
        return sendWithDateAndAuthorization(amzDate, "AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/20170101/us-east-1/"
                + "dynamodb/aws4_request SignedHeaders=host;x-amz-date Signature=0123");
    }

    private static HttpResponse<String> sendWithDateAndAuthorization(String amzDate, String authorization)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.DescribeEndpoints")
                .header("X-Amz-Date", amzDate)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, List<String>> signedListTables() {
        return signedListTables("local-secret");
    }

    private static Map<String, List<String>> signedListTables(String secret) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(server.endpoint())
                .encodedPath("/").putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "DynamoDB_20120810.ListTables").build();
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create("AKIDLOCAL", secret))
                        .request(request).payload(ContentStreamProvider.fromUtf8String("{}"))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request().headers();
    }

    private static HttpResponse<String> send(Map<String, List<String>> signed, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"));
        signed.forEach((name, values) -> {
            // the client sets Host itself, to the value that was signed
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Authorization")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return HttpClient.newHttpClient().send(request.header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
