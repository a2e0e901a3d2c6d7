package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wire protocol as raw HTTP, for what SDK clients hide: headers, envelopes, gzip bodies. */
class ProtocolIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbLocal server = local.server();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String target, byte[] body, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        return post(target, body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void response_carriesCrc32OfBody_andRequestId() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}");

        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    }

    @Test
    void unknownTarget_isUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.Explode", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
    }

    @Test
    void missingTarget_isUnknownOperationException() throws Exception {
        HttpResponse<String> response = post(null, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void bodyThatIsNotJson_isSerializationException_evenWithoutATarget() throws Exception {
        HttpResponse<String> missing = post(null, "hi");
        HttpResponse<String> unknown = post("DynamoDB_20120810.ListTable", "{\"Limit\": ");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void malformedJson_isSerializationException() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.PutItem", "{\"TableName\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void memberOfWrongJsonType_isSerializationException_notServerError() throws Exception {
        post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"wire\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}");

        HttpResponse<String> response = post("DynamoDB_20120810.PutItem", "{\"TableName\":\"wire\",\"Item\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SerializationException");
    }

    @Test
    void gzipRequestBody_isAccepted() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("{\"Limit\":1}".getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", compressed.toByteArray(), true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"TableNames\"");
    }

    @Test
    void validationError_hasCoralEnvelope() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                + "\"message\":\"1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint:"
                + " Member must have length greater than or equal to 3\"}");
    }

    @Test
    void streamsTarget_isServedOnTheSameEndpoint() throws Exception {
        HttpResponse<String> response = post("DynamoDBStreams_20120810.ListStreams", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Streams\":[]}");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "DynamoDB_20120810.CreateTable", "DynamoDB_20120810.DescribeTable", "DynamoDB_20120810.UpdateTable",
        "DynamoDB_20120810.DeleteTable", "DynamoDB_20120810.ListTables", "DynamoDB_20120810.PutItem",
        "DynamoDB_20120810.GetItem", "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.DeleteItem",
        "DynamoDB_20120810.Query", "DynamoDB_20120810.Scan", "DynamoDB_20120810.BatchGetItem",
        "DynamoDB_20120810.BatchWriteItem", "DynamoDB_20120810.TransactWriteItems",
        "DynamoDB_20120810.TransactGetItems", "DynamoDB_20120810.ExecuteStatement",
        "DynamoDB_20120810.BatchExecuteStatement", "DynamoDB_20120810.UpdateTimeToLive",
        "DynamoDB_20120810.DescribeTimeToLive", "DynamoDB_20120810.TagResource",
        "DynamoDB_20120810.UntagResource", "DynamoDB_20120810.ListTagsOfResource",
        "DynamoDBStreams_20120810.ListStreams", "DynamoDBStreams_20120810.DescribeStream",
        "DynamoDBStreams_20120810.GetShardIterator", "DynamoDBStreams_20120810.GetRecords"})
    void clientMistakes_neverGetA500(String target) throws Exception {
        post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"mistakes\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}");
        String[] bodies = {
            "{}",
            "{\"TableName\":\"mistakes\"}",
            "{\"TableName\":5,\"Key\":\"x\",\"Item\":[],\"RequestItems\":7,\"TransactItems\":{},"
                    + "\"Statement\":3,\"StreamArn\":[],\"ShardIterator\":{},\"ResourceArn\":1}",
            "{\"TableName\":\"mistakes\",\"Key\":{\"id\":{\"S\":\"a\",\"N\":\"1\"}},"
                    + "\"Item\":{\"id\":{}},\"KeySchema\":[{}],\"AttributeDefinitions\":[{}],"
                    + "\"RequestItems\":{\"mistakes\":[{}]},\"TransactItems\":[{}],\"Statement\":\"\","
                    + "\"StreamArn\":\"arn\",\"ShardId\":\"x\",\"ShardIteratorType\":\"LATEST\","
                    + "\"ShardIterator\":\"garbage\",\"TimeToLiveSpecification\":{},\"ResourceArn\":\"x\"}",
            "{\"TableName\":\"mistakes\",\"Key\":{\"id\":{\"S\":\"a\"}},\"Item\":{\"id\":{\"S\":\"a\"}},"
                    + "\"UpdateExpression\":5,\"ConditionExpression\":[],\"ExpressionAttributeValues\":\"x\","
                    + "\"ProjectionExpression\":{},\"KeyConditionExpression\":7,\"Limit\":\"abc\","
                    + "\"ExclusiveStartKey\":5,\"Segment\":\"x\",\"TotalSegments\":[]}",
            "{\"TableName\":\"mistakes\",\"Key\":{\"id\":{\"N\":\"not-a-number\"}},"
                    + "\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1e999\"}},"
                    + "\"KeyConditionExpression\":\"id = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"x\"}}}",
            "[]",
        };
        for (String body : bodies) {
            HttpResponse<String> response = post(target, body);

            assertThat(response.statusCode()).as(target + " with " + body + ": " + response.body()).isIn(200, 400);
        }
    }

    @Test
    void createTable_withEmptyKeySchemaElements_listsTheMissingMembers() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"empty-members\","
                + "\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
                + "\"AttributeType\":\"S\"}],\"KeySchema\":[{}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("2 validation errors detected: Value null at"
                + " 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must not be null; Value"
                + " null at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void requestOver16Megabytes_isRefused() throws Exception {
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", body, false);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#RequestEntityTooLargeException\","
                + "\"message\":\"Request entity too large: the request body exceeds 16777216 bytes\"}");
    }

    @Test
    void portInUse_failsWithOneClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DynamoDbLocal.builder().port(server.port()).inMemory().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot listen on 127.0.0.1:" + server.port() + ": the port is in use. Stop the other"
                        + " process or pick another port with --port.");
    }
}
