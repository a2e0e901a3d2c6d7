package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.RawRequests.assertSerializationError;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.dynamodb.local.LocalServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What SearchVectors refuses before it reads a vector index: the request's shape, as its own front end's
 * deserializer words it, the model's constraints, TopK's range, and a table or index that is not there.
 */
class SearchVectorsRequestConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final AttributeValue ZERO = AttributeValue.fromN("0");

    @BeforeAll
    static void createTable() {
        client.createTable(b -> b.tableName("songs").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
    }

    @Test
    void aRequiredMemberSentAsNull_isASerializationException_atTheEndOfTheNull() throws Exception {
        String[][] cases = {
                {"{\"TableName\":\"absent\",\"IndexName\":null,\"SearchVector\":[{\"N\":\"1\"}],\"TopK\":1}",
                        "a string"},
                {"{\"TableName\":null,\"IndexName\":\"vix\",\"SearchVector\":[{\"N\":\"1\"}],\"TopK\":1}",
                        "a string"},
                {"{\"TableName\":\"absent\",\"IndexName\":\"vix\",\"SearchVector\":null,\"TopK\":1}", "a sequence"},
                {"{\"TableName\":\"absent\",\"IndexName\":\"vix\",\"SearchVector\":[{\"N\":\"1\"}],\"TopK\":null}",
                        "i32"}};
        for (String[] each : cases) {
            String body = each[0];
            int column = body.indexOf("null") + "null".length();

            HttpResponse<String> response = RawRequests.post(local.endpoint(), "SearchVectors", body);

            assertSerializationError(response, "invalid type: null, expected " + each[1] + " at line 1 column "
                    + column);
        }
    }

    @Test
    void aMemberOfAnotherType_isRefusedInTheDeserializersWords_atTheEndOfWhatWasSent() throws Exception {
        String start = "{\"TableName\":\"absent\",\"IndexName\":\"vix\",\"SearchVector\":[{\"N\":\"1\"}],\"TopK\":";
        String[][] cases = {
                {"\"5\"}", "invalid type: string \"5\", expected i32"},
                {"1.5}", "invalid type: floating point `1.5`, expected i32"},
                {"true}", "invalid type: boolean `true`, expected i32"},
                {"3000000000}", "invalid value: integer `3000000000`, expected i32"}};
        for (String[] each : cases) {
            String body = start + each[0];

            HttpResponse<String> response = RawRequests.post(local.endpoint(), "SearchVectors", body);

            assertSerializationError(response, each[1] + " at line 1 column " + (body.length() - 1));
        }
        String mapForString = "{\"TableName\":{\"S\":\"absent\"},\"IndexName\":\"vix\"}";
        assertSerializationError(RawRequests.post(local.endpoint(), "SearchVectors", mapForString),
                "invalid type: map, expected a string at line 1 column " + mapForString.indexOf('{', 1));
    }

    @Test
    void anOptionalMemberSentAsNull_isLeftOut() throws Exception {
        String body = "{\"TableName\":\"absent\",\"IndexName\":\"vix\",\"SearchVector\":[{\"N\":\"1\"}],\"TopK\":1,"
                + "\"ProjectionExpression\":null,\"SearchConditionExpression\":null}";

        HttpResponse<String> response = RawRequests.post(local.endpoint(), "SearchVectors", body);

        assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("#ResourceNotFoundException");
    }

    @Test
    void aMissingRequiredMember_isNamedAtTheEndOfTheBody_beforeAnyConstraint() throws Exception {
        for (String body : new String[] {"{\"IndexName\":\"vix\",\"SearchVector\":[{\"N\":\"1\"}],\"TopK\":1}",
                "{\"IndexName\":\"ab\",\"SearchVector\":[{\"N\":\"1\"}],\"TopK\":1}"}) {
            HttpResponse<String> response = RawRequests.post(local.endpoint(), "SearchVectors", body);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("#ValidationException");
            assertThat(JSON.readTree(response.body()).path("message").asText())
                    .isEqualTo("missing field `TableName` at line 1 column " + body.length());
        }
    }

    @Test
    void topK_aboveOneHundred_isRefusedWithItsRange_beforeTheTableIsLookedUp() {
        assertValidation(() -> client.searchVectors(b -> b.tableName("absent").indexName("vix")
                        .searchVector(ONE, ZERO, ZERO).topK(101)),
                "Provided TopK value '101' is out of valid range. The value must be between 1 and 100 inclusive");
    }

    @Test
    void topK_belowOne_failsTheModelConstraint() {
        assertValidation(() -> client.searchVectors(b -> b.tableName("songs").indexName("vix")
                        .searchVector(ONE, ZERO, ZERO).topK(0)),
                "1 validation error detected: Value '0' at 'topK' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
    }

    @Test
    void indexName_shorterThanThree_failsTheModelConstraint() {
        assertValidation(() -> client.searchVectors(b -> b.tableName("songs").indexName("ab")
                        .searchVector(ONE, ZERO, ZERO).topK(1)),
                "1 validation error detected: Value 'ab' at 'indexName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 3");
    }

    @Test
    void aTableThatIsNotThere_isResourceNotFound() {
        assertThatThrownBy(() -> client.searchVectors(b -> b.tableName("absent").indexName("vix")
                .searchVector(ONE, ZERO, ZERO).topK(1)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void anIndexTheTableDoesNotHave_isNamed() {
        assertValidation(() -> client.searchVectors(b -> b.tableName("songs").indexName("no-such-index")
                        .searchVector(ONE, ZERO, ZERO).topK(1)),
                "The table does not have the specified index: no-such-index");
    }
}
