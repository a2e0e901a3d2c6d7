package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbLocal#call}: the same answers as the HTTP endpoint, without a socket. */
class InProcessCallIT {

    private static final String CREATE_TABLE = """
            {"TableName":"calls","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
             "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}""";

    @Test
    void call_seesWhatHttpClientsWrote_andTheirStreamRecords() {
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).inMemory().start()) {
            call(server, "DynamoDB_20120810.CreateTable", CREATE_TABLE);
            try (var client = Clients.dynamoDb(server.endpoint())) {
                client.putItem(b -> b.tableName("calls").item(Map.of("id", AttributeValue.fromS("a"))));
            }

            DynamoDbLocal.Answer get = server.call("DynamoDB_20120810.GetItem",
                    bytes("{\"TableName\":\"calls\",\"Key\":{\"id\":{\"S\":\"a\"}}}"));
            assertThat(get.status()).isEqualTo(200);
            assertThat(text(get)).isEqualTo("{\"Item\":{\"id\":{\"S\":\"a\"}}}");

            String streamArn = text(call(server, "DynamoDB_20120810.DescribeTable", "{\"TableName\":\"calls\"}"))
                    .replaceAll(".*\"LatestStreamArn\":\"([^\"]+)\".*", "$1");
            String shardId = text(call(server, "DynamoDBStreams_20120810.DescribeStream",
                    "{\"StreamArn\":\"" + streamArn + "\"}")).replaceAll(".*\"ShardId\":\"([^\"]+)\".*", "$1");
            String iterator = text(call(server, "DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":\""
                    + streamArn + "\",\"ShardId\":\"" + shardId + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}"))
                    .replaceAll(".*\"ShardIterator\":\"([^\"]+)\".*", "$1");
            String records = text(call(server, "DynamoDBStreams_20120810.GetRecords",
                    "{\"ShardIterator\":\"" + iterator + "\"}"));
            assertThat(records).contains("\"eventName\":\"INSERT\"").contains("\"NewImage\":{\"id\":{\"S\":\"a\"}}");
        }
    }

    @Test
    void call_withAnUnknownTarget_answersUnknownOperationException() {
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).inMemory().start()) {
            DynamoDbLocal.Answer answer = server.call("DynamoDB_20120810.Nope", bytes("{}"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(text(answer)).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        }
    }

    @Test
    void call_onAServerRequiringSignatures_needsNone() {
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).inMemory()
                .requireSignature("AKIDLOCAL", "local-secret").start()) {
            DynamoDbLocal.Answer answer = server.call("DynamoDB_20120810.ListTables", bytes("{}"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(text(answer)).isEqualTo("{\"TableNames\":[]}");
        }
    }

    @Test
    void call_afterClose_isRefused() {
        DynamoDbLocal server = DynamoDbLocal.builder().port(0).inMemory().start();
        String endpoint = server.endpoint().toString();
        server.close();

        assertThatThrownBy(() -> server.call("DynamoDB_20120810.ListTables", bytes("{}")))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("The server at " + endpoint + " is closed");
    }

    private static DynamoDbLocal.Answer call(DynamoDbLocal server, String target, String json) {
        DynamoDbLocal.Answer answer = server.call(target, bytes(json));
        assertThat(answer.status()).as(text(answer)).isEqualTo(200);
        return answer;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(DynamoDbLocal.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }
}
