package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.dynamodb.local.LocalServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Answers DynamoDB gives to requests that several checks could refuse, and the shape of its refusals where SDK
 * clients cannot tell the difference: which check speaks first, which request member an error names, which
 * members an error body carries.
 */
class VerifiedBehaviourConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("lockers").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("locker", ScalarAttributeType.S)).keySchema(hash("locker")));
        client.putItem(b -> b.tableName("lockers").item(item("locker", s("L-7"), "holder", s("ada"))));
    }

    private static KeySchemaElement sortKey(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType("SORT").build();
    }

    private static JsonNode refusedPut(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(local.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        return JSON.readTree(response.body());
    }

    @Test
    void query_unusedNameBesideAConditionOnTwoAttributes_reportsTheUnusedName() {
        // "#p = keeper" compares two attributes and the table has no sort key: both wrong, the unused name speaks
        assertValidation(() -> client.query(b -> b.tableName("lockers")
                        .keyConditionExpression("(#p = keeper) AND (begins_with(#s, pfx))")
                        .expressionAttributeNames(Map.of("#p", "locker", "#s", "slot", "#spare", "spare"))),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#spare}");
    }

    @Test
    void conditionalCheckFailed_withTheOldItem_capitalizesItsMessageMember() throws Exception {
        JsonNode error = refusedPut("{\"TableName\":\"lockers\",\"Item\":{\"locker\":{\"S\":\"L-7\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(holder)\","
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}");

        assertThat(error.path("__type").asText()).endsWith("#ConditionalCheckFailedException");
        assertThat(error.path("Message").asText()).isEqualTo("The conditional request failed");
        assertThat(error.has("message")).isFalse();
        assertThat(error.path("Item").path("holder").path("S").asText()).isEqualTo("ada");
    }

    @Test
    void conditionalCheckFailed_withoutTheOldItem_keepsALowerCaseMessageMember() throws Exception {
        JsonNode error = refusedPut("{\"TableName\":\"lockers\",\"Item\":{\"locker\":{\"S\":\"L-7\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(holder)\"}");

        assertThat(error.path("message").asText()).isEqualTo("The conditional request failed");
        assertThat(error.has("Message")).isFalse();
        assertThat(error.has("Item")).isFalse();
    }

    @Test
    void createTable_unknownKeyTypeInAGlobalIndex_namesTheIndexMember() {
        // the index attributes are not defined either: the key type is refused first
        assertValidation(() -> client.createTable(b -> b.tableName("cabinets").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("cabinet", ScalarAttributeType.S))
                        .keySchema(hash("cabinet"))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-room")
                                .keySchema(hash("room"), sortKey("shelf"))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())),
                "1 validation error detected: Value 'SORT' at 'globalSecondaryIndexes.1.member.keySchema.2.member"
                        + ".keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
    }

    @Test
    void createTable_unknownKeyTypeInALocalIndex_namesTheIndexMember() {
        assertValidation(() -> client.createTable(b -> b.tableName("cabinets").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("cabinet", ScalarAttributeType.S),
                                attribute("drawer", ScalarAttributeType.S))
                        .keySchema(hash("cabinet"), range("drawer"))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-label")
                                .keySchema(hash("cabinet"), sortKey("label"))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())),
                "1 validation error detected: Value 'SORT' at 'localSecondaryIndexes.1.member.keySchema.2.member"
                        + ".keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
    }
}
