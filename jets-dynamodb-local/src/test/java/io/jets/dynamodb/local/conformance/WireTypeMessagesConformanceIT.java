package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.RawRequests.assertSerializationError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The message of each SerializationException by the wire type a member has and the JSON sent for it, as DynamoDB's
 * front end words them: the JSON token and the wanted type for scalars, and for structures, maps and lists, words
 * that depend on whether the value is a member of a structure or an element of a list or map.
 */
class WireTypeMessagesConformanceIT {

    private static final String MAP_OF_ATTRIBUTE_VALUES = "Unrecognized collection type"
            + " java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>";
    private static final String PARAMETERIZED_CAST = "class"
            + " sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class"
            + " (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module"
            + " java.base of loader 'bootstrap')";
    private static final String START_OF_STRUCTURE = "Start of structure or map found where not expected";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();

    @BeforeAll
    static void createTable() {
        local.dynamoDb().createTable(b -> b.tableName("shapes").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
    }

    @Test
    void stringMember_namesTheJsonTokenItGot() throws Exception {
        assertSerializationError(put("\"ReturnValues\":true"), "TRUE_VALUE cannot be converted to String");
        assertSerializationError(put("\"ConditionExpression\":false"), "FALSE_VALUE cannot be converted to String");
        assertSerializationError(post("Scan", "{\"TableName\":2147483648}"),
                "NUMBER_VALUE cannot be converted to String");
        assertSerializationError(post("Scan", "{\"TableName\":34.56}"), "DECIMAL_VALUE cannot be converted to String");
        assertSerializationError(post("Scan", "{\"TableName\":{}}"), START_OF_STRUCTURE);
    }

    @Test
    void integerMember_refusesStringsBooleansAndCollections() throws Exception {
        assertSerializationError(scan("\"Segment\":true,\"TotalSegments\":2"),
                "TRUE_VALUE cannot be converted to Integer");
        assertSerializationError(scan("\"TotalSegments\":false"), "FALSE_VALUE cannot be converted to Integer");
        assertSerializationError(scan("\"Limit\":[]"), "Unrecognized collection type class java.lang.Integer");
        assertSerializationError(scan("\"Limit\":{}"), START_OF_STRUCTURE);
    }

    @Test
    void booleanMember_refusesNumbersDecimalsAndOtherStrings() throws Exception {
        assertSerializationError(scan("\"ConsistentRead\":2147483648"), "NUMBER_VALUE cannot be converted to Boolean");
        assertSerializationError(scan("\"ConsistentRead\":\"23\""), "Unexpected token received from parser");
        assertSerializationError(scan("\"ConsistentRead\":[]"), "Unrecognized collection type class java.lang.Boolean");
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"BOOL\":34.56}}"),
                "DECIMAL_VALUE cannot be converted to Boolean");
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"NULL\":1}}"),
                "NUMBER_VALUE cannot be converted to Boolean");
    }

    @Test
    void binaryMember_takesOnlyABase64String() throws Exception {
        String refusal = "only base-64-encoded strings are convertible to bytes";

        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"B\":true}}"), refusal);
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"B\":23}}"), refusal);
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"BS\":[34.56]}}"), refusal);
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"B\":[]}}"),
                "Unrecognized collection type class java.nio.ByteBuffer");
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"M\":{\"c\":{\"B\":{}}}}}"),
                START_OF_STRUCTURE);
    }

    @Test
    void mapMember_sentAsScalarOrList_namesTheMapType() throws Exception {
        assertSerializationError(put("\"Item\":true"), "Unexpected field type");
        assertSerializationError(put("\"Item\":[]"), MAP_OF_ATTRIBUTE_VALUES);
        assertSerializationError(put("\"Item\":{},\"ExpressionAttributeNames\":[]"),
                "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>");
        assertSerializationError(put("\"Item\":{},\"Expected\":[]"), "Unrecognized collection type java.util.Map"
                + "<java.lang.String, com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue>");
        assertSerializationError(post("BatchWriteItem", "{\"RequestItems\":[]}"), "Unrecognized collection type"
                + " java.util.Map<java.lang.String, java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>");
        assertSerializationError(post("BatchGetItem", "{\"RequestItems\":5}"), "Unexpected field type");
    }

    @Test
    void attributeValue_sentAsScalarOrList_isRefusedByWhereItSits() throws Exception {
        assertSerializationError(put("\"Item\":{\"id\":\"a\"}"), "Unexpected value type in payload");
        assertSerializationError(put("\"Item\":{\"id\":[]}"),
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"l\":{\"L\":[5]}}"),
                "Unexpected value type in payload");
        assertSerializationError(put("\"Item\":{\"id\":{\"S\":\"a\"},\"m\":{\"M\":{\"c\":true}}}"),
                "Unexpected value type in payload");
        // a member of a structure, not a value of a map
        assertSerializationError(put("\"Item\":{},\"Expected\":{\"id\":{\"Value\":\"a\"}}"), "Unexpected field type");
        assertSerializationError(post("UpdateItem", "{\"TableName\":\"shapes\",\"Key\":{\"id\":{\"S\":\"a\"}},"
                + "\"AttributeUpdates\":{\"n\":{\"Action\":\"PUT\",\"Value\":[]}}}"),
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
    }

    @Test
    void listOrMapInsideACollection_sentAsScalar_isACastFailure() throws Exception {
        assertSerializationError(post("BatchWriteItem", "{\"RequestItems\":{\"shapes\":\"x\"}}"), PARAMETERIZED_CAST);
        assertSerializationError(post("BatchGetItem", "{\"RequestItems\":{\"shapes\":{\"Keys\":[7]}}}"),
                PARAMETERIZED_CAST);
        assertSerializationError(post("BatchGetItem", "{\"RequestItems\":{\"shapes\":{\"Keys\":[[]]}}}"),
                MAP_OF_ATTRIBUTE_VALUES);
        assertSerializationError(post("BatchWriteItem", "{\"RequestItems\":{\"shapes\":[true]}}"),
                "Unexpected value type in payload");
        assertSerializationError(post("BatchWriteItem", "{\"RequestItems\":{\"shapes\":[{\"PutRequest\":1}]}}"),
                "Unexpected field type");
    }

    @Test
    void legacyConditions_areTypeChecked() throws Exception {
        assertSerializationError(post("Query", "{\"TableName\":\"shapes\",\"KeyConditions\":{\"id\":\"x\"}}"),
                "Unexpected value type in payload");
        assertSerializationError(scan("\"ScanFilter\":[]"), "Unrecognized collection type java.util.Map"
                + "<java.lang.String, com.amazonaws.dynamodb.v20120810.Condition>");
        assertSerializationError(post("Query", "{\"TableName\":\"shapes\",\"KeyConditions\":{\"id\":{"
                + "\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"a\"}]}},\"QueryFilter\":{\"b\":{"
                + "\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":true}]}}}"),
                "TRUE_VALUE cannot be converted to String");
        assertSerializationError(post("Query", "{\"TableName\":\"shapes\",\"KeyConditions\":{\"id\":{"
                + "\"ComparisonOperator\":7}}}"), "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void createTableMembers_areTypeChecked_andNoTableIsCreated() throws Exception {
        String table = "\"TableName\":\"typed\",\"BillingMode\":\"PAY_PER_REQUEST\",";
        String definitions = "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],";

        assertSerializationError(post("CreateTable", "{" + table + "\"AttributeDefinitions\":\"id\"}"),
                "Unexpected field type");
        assertSerializationError(post("CreateTable", "{" + table + definitions + "\"KeySchema\":[\"id\"]}"),
                "Unexpected value type in payload");
        assertSerializationError(post("CreateTable", "{" + table + definitions
                + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":1}]}"),
                "NUMBER_VALUE cannot be converted to String");
        assertSerializationError(post("CreateTable", "{\"TableName\":\"typed\"," + definitions
                + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":\"5\",\"WriteCapacityUnits\":5}}"),
                "STRING_VALUE cannot be converted to Long");
        assertSerializationError(post("CreateTable", "{" + table + definitions
                + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"GlobalSecondaryIndexes\":[{"
                + "\"IndexName\":\"byId\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":[]}]}"),
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Projection");
        assertThat(local.dynamoDb().listTables().tableNames()).doesNotContain("typed");
    }

    @Test
    void tagsTimeToLiveAndStatementMembers_areTypeChecked() throws Exception {
        String arn = "\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/shapes\",";

        assertSerializationError(post("TagResource", "{" + arn + "\"Tags\":[{\"Key\":\"team\",\"Value\":7}]}"),
                "NUMBER_VALUE cannot be converted to String");
        assertSerializationError(post("TagResource", "{" + arn + "\"Tags\":[\"team\"]}"),
                "Unexpected value type in payload");
        assertSerializationError(post("UpdateTimeToLive", "{\"TableName\":\"shapes\",\"TimeToLiveSpecification\":"
                + "{\"AttributeName\":\"ttl\",\"Enabled\":1}}"), "NUMBER_VALUE cannot be converted to Boolean");
        assertSerializationError(post("UpdateTimeToLive", "{\"TableName\":\"shapes\",\"TimeToLiveSpecification\":[]}"),
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.TimeToLiveSpecification");
        assertSerializationError(post("ExecuteStatement", "{\"Statement\":\"SELECT * FROM shapes\","
                + "\"Parameters\":[{\"N\":5}]}"), "NUMBER_VALUE cannot be converted to String");
        assertThat(local.dynamoDb().describeTimeToLive(b -> b.tableName("shapes")).timeToLiveDescription()
                .timeToLiveStatusAsString()).isEqualTo("DISABLED");
    }

    private static HttpResponse<String> put(String members) throws Exception {
        return post("PutItem", "{\"TableName\":\"shapes\"," + members + "}");
    }

    private static HttpResponse<String> scan(String members) throws Exception {
        return post("Scan", "{\"TableName\":\"shapes\"," + members + "}");
    }

    private static HttpResponse<String> post(String operation, String body) throws Exception {
        return RawRequests.post(local.endpoint(), operation, body);
    }
}
