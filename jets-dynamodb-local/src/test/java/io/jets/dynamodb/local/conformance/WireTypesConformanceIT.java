package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.dynamodb.local.LocalServer;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Requests no SDK would send: members of the wrong JSON type are SerializationExceptions naming the failed
 * conversion (DynamoDB deserializes before it validates), and the answers keep DynamoDB's envelope and headers.
 * {@link WireTypeMessagesConformanceIT} covers each wire type's messages.
 */
class WireTypesConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalServer local = LocalServer.start();

    @BeforeAll
    static void createTables() {
        local.dynamoDb().createTable(b -> b.tableName("wire").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        local.dynamoDb().putItem(b -> b.tableName("wire").item(item("id", s("a"))));
    }

    @Test
    void limitAsString_isSerializationException_beforeAnyValidation() throws Exception {
        var response = post("Scan", "{\"TableName\":\"x\",\"Limit\":\"abc\"}");

        assertSerializationError(response, "STRING_VALUE cannot be converted to Integer");
    }

    @Test
    void stringAttributeAsNumber_isSerializationException_notACoercion() throws Exception {
        var response = post("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"id\":{\"S\":1}}}");

        assertSerializationError(response, "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void attributeNameAsNumber_insideATransactionAction_isSerializationException() throws Exception {
        var response = post("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"wire\","
                + "\"Item\":{\"id\":{\"S\":\"b\"}},\"ConditionExpression\":\"attribute_not_exists(id)\","
                + "\"ExpressionAttributeNames\":{\"#n\":7}}}]}");

        assertSerializationError(response, "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void timeToLiveAttributeNameAsNumber_isSerializationException() throws Exception {
        var response = post("UpdateTimeToLive", "{\"TableName\":\"wire\",\"TimeToLiveSpecification\":"
                + "{\"AttributeName\":3,\"Enabled\":true}}");

        assertSerializationError(response, "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void itemAsString_isSerializationException() throws Exception {
        var response = post("PutItem", "{\"TableName\":\"wire\",\"Item\":\"x\"}");

        assertSerializationError(response, "Unexpected field type");
    }

    @Test
    void consistentReadAsObject_isSerializationException() throws Exception {
        var response = post("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"id\":{\"S\":\"a\"}},"
                + "\"ConsistentRead\":{}}");

        assertSerializationError(response, "Start of structure or map found where not expected");
    }

    @Test
    void listMemberOfAnAttributeValueAsString_isSerializationException() throws Exception {
        var response = post("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"id\":{\"S\":\"b\"},"
                + "\"tags\":{\"SS\":\"red\"}}}");

        assertSerializationError(response, "Unexpected field type");
    }

    @Test
    void listMembersAsObjects_areSerializationExceptions_notServerErrors() throws Exception {
        var transaction = post("TransactWriteItems", "{\"TransactItems\":{\"Put\":{\"TableName\":\"wire\","
                + "\"Item\":{\"id\":{\"S\":\"t\"}}}}}");
        var tags = post("TagResource", "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/wire\","
                + "\"Tags\":{\"Key\":\"team\",\"Value\":\"a\"}}");

        var statements = post("BatchExecuteStatement", "{\"Statements\":{\"Statement\":\"SELECT * FROM wire\"}}");
        var transactStatements = post("ExecuteTransaction",
                "{\"TransactStatements\":{\"Statement\":\"SELECT * FROM wire\"}}");

        assertSerializationError(transaction, "Start of structure or map found where not expected");
        assertSerializationError(tags, "Start of structure or map found where not expected");
        assertSerializationError(statements, "Start of structure or map found where not expected");
        assertSerializationError(transactStatements, "Start of structure or map found where not expected");
    }

    @Test
    void transactionActionAsList_isSerializationException_notAServerError() throws Exception {
        var response = post("TransactWriteItems", "{\"TransactItems\":[[{\"Put\":{\"TableName\":\"wire\","
                + "\"Item\":{\"id\":{\"S\":\"t\"}}}}]]}");

        assertSerializationError(response,
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.TransactWriteItem");
    }

    @Test
    void binaryThatIsNotBase64_isSerializationException_andNothingIsStored() throws Exception {
        var length = post("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"id\":{\"S\":\"bin\"},"
                + "\"data\":{\"B\":\"23456\"}}}");
        var padInside = post("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"id\":{\"S\":\"bin\"},"
                + "\"data\":{\"BS\":[\"=+/=\"]}}}");
        var bitsPastTheEnd = post("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"id\":{\"S\":\"bin\"},"
                + "\"data\":{\"L\":[{\"B\":\"+/+=\"}]}}}");

        assertSerializationError(length, "Base64 encoded length is expected a multiple of 4 bytes but found: 5");
        assertSerializationError(padInside, "Invalid last non-pad Base64 character dectected");
        assertSerializationError(bitsPastTheEnd, "Invalid last non-pad Base64 character dectected");
        assertThat(local.dynamoDb().getItem(b -> b.tableName("wire").key(item("id", s("bin")))).hasItem()).isFalse();
    }

    @Test
    void legacyConditionAndUpdateMembersOfTheWrongType_areSerializationExceptions() throws Exception {
        var exists = post("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"id\":{\"S\":\"c\"}},"
                + "\"Expected\":{\"id\":{\"Exists\":23}}}");
        var entry = post("DeleteItem", "{\"TableName\":\"wire\",\"Key\":{\"id\":{\"S\":\"c\"}},"
                + "\"Expected\":{\"id\":true}}");
        var listValue = post("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"id\":{\"S\":\"c\"}},"
                + "\"Expected\":{\"id\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":5}]}}}");
        var update = post("UpdateItem", "{\"TableName\":\"wire\",\"Key\":{\"id\":{\"S\":\"c\"}},"
                + "\"AttributeUpdates\":{\"n\":{\"Action\":\"PUT\",\"Value\":{\"N\":[]}}}}");
        var attributesToGet = post("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"id\":{\"S\":\"a\"}},"
                + "\"AttributesToGet\":\"id\"}");

        assertSerializationError(exists, "NUMBER_VALUE cannot be converted to Boolean");
        assertSerializationError(entry, "Unexpected value type in payload");
        assertSerializationError(listValue, "NUMBER_VALUE cannot be converted to String");
        assertSerializationError(update, "Unrecognized collection type class java.lang.String");
        assertSerializationError(attributesToGet, "Unexpected field type");
    }

    @Test
    void batchRequestItemsOfTheWrongType_areSerializationExceptions() throws Exception {
        var putValue = post("BatchWriteItem", "{\"RequestItems\":{\"wire\":[{\"PutRequest\":{\"Item\":"
                + "{\"id\":{\"S\":1}}}}]}}");
        var deleteRequest = post("BatchWriteItem", "{\"RequestItems\":{\"wire\":[{\"DeleteRequest\":[]}]}}");
        var writes = post("BatchWriteItem", "{\"RequestItems\":{\"wire\":{}}}");
        var keyValue = post("BatchGetItem", "{\"RequestItems\":{\"wire\":{\"Keys\":[{\"id\":{\"S\":1}}]}}}");
        var consistentRead = post("BatchGetItem", "{\"RequestItems\":{\"wire\":{\"Keys\":[{\"id\":"
                + "{\"S\":\"a\"}}],\"ConsistentRead\":23}}}");

        assertSerializationError(putValue, "NUMBER_VALUE cannot be converted to String");
        assertSerializationError(deleteRequest,
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.DeleteRequest");
        assertSerializationError(writes, "Start of structure or map found where not expected");
        assertSerializationError(keyValue, "NUMBER_VALUE cannot be converted to String");
        assertSerializationError(consistentRead, "NUMBER_VALUE cannot be converted to Boolean");
    }

    @Test
    void transactionActionOfTheWrongType_isSerializationException() throws Exception {
        var response = post("TransactWriteItems", "{\"TransactItems\":[{\"Put\":[]}]}");

        assertSerializationError(response, "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Put");
    }

    @Test
    void consistentReadAsDecimal_isSerializationException() throws Exception {
        var half = post("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"id\":{\"S\":\"a\"}},"
                + "\"ConsistentRead\":0.5,\"ReturnConsumedCapacity\":\"TOTAL\"}");
        var negative = post("Query", "{\"TableName\":\"wire\",\"KeyConditionExpression\":\"id = :id\","
                + "\"ExpressionAttributeValues\":{\":id\":{\"S\":\"a\"}},\"ScanIndexForward\":-1.1}");

        assertSerializationError(half, "DECIMAL_VALUE cannot be converted to Boolean");
        assertSerializationError(negative, "DECIMAL_VALUE cannot be converted to Boolean");
    }

    @Test
    void tableNameAsList_isSerializationException() throws Exception {
        var response = post("DescribeTable", "{\"TableName\":[\"wire\"]}");

        assertSerializationError(response, "Unrecognized collection type class java.lang.String");
    }

    @Test
    void unknownMembers_areIgnored() throws Exception {
        var response = post("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"id\":{\"S\":\"a\"}},\"Extra\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"Item\":{\"id\":{\"S\":\"a\"}}}"));
    }

    @Test
    void everyAnswer_carriesJsonContentType_requestId_andCrc32OfTheBody() throws Exception {
        var response = post("DescribeTable", "{\"TableName\":\"absent\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").asText())
                .isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
        assertThat(error.get("message").asText()).isEqualTo("Requested resource not found: Table: absent not found");
    }

    private static void assertSerializationError(HttpResponse<String> response, String message) throws Exception {
        RawRequests.assertSerializationError(response, message);
    }

    private static HttpResponse<String> post(String operation, String body) throws Exception {
        return RawRequests.post(local.endpoint(), operation, body);
    }
}
