package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Exact ValidationException messages of CreateTable, Query and Scan for mistakes test suites make on purpose. */
class ValidationMessagesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("messages").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk")));
    }

    @Test
    void createTable_localIndexOnAHashOnlyTable_needsARangeKey() {
        assertValidation(() -> client.createTable(b -> b.tableName("lsi-no-range")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S),
                                attribute("alt", ScalarAttributeType.S))
                        .keySchema(hash("pk"))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi1")
                                .keySchema(hash("pk"), range("alt"))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())),
                "One or more parameter values were invalid: Table KeySchema does not have a range key, which is"
                        + " required when specifying a LocalSecondaryIndex");
        assertThat(client.listTables().tableNames()).doesNotContain("lsi-no-range");
    }

    @Test
    void createTable_unknownKeyType_failsTheEnumConstraint() {
        assertValidation(() -> client.createTable(b -> b.tableName("bad-key-type")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("INVALID").build())),
                "1 validation error detected: Value 'INVALID' at 'keySchema.1.member.keyType' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [HASH, RANGE]");
    }

    @Test
    void createTable_threeKeyElements_echoesThemAsDynamoDbPrintsThem() {
        assertValidation(() -> client.createTable(b -> b.tableName("three-keys")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S),
                                attribute("sk", ScalarAttributeType.S), attribute("extra", ScalarAttributeType.S))
                        .keySchema(hash("pk"), range("sk"), range("extra"))),
                "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH),"
                        + " KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=extra,"
                        + " keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less"
                        + " than or equal to 2");
    }

    @Test
    void createTable_sameAttributeAsHashAndRange_isAnInvalidKeySchema() {
        assertValidation(() -> client.createTable(b -> b.tableName("same-key")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                        .keySchema(hash("pk"), range("pk"))),
                "Invalid KeySchema: Some index key attribute have no definition");
    }

    @Test
    void createTable_sameAttributeAsHashTwice_isReportedBeforeTheSecondElementNotBeingRange() {
        assertValidation(() -> client.createTable(b -> b.tableName("same-key-twice")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                        .keySchema(hash("pk"), hash("pk"))),
                "Invalid KeySchema: Some index key attribute have no definition");
        assertValidation(() -> client.createTable(b -> b.tableName("two-hash-keys")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S),
                                attribute("sk", ScalarAttributeType.S))
                        .keySchema(hash("pk"), hash("sk"))),
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }

    @Test
    void createTable_withoutTableName_namesTheMissingParameter() {
        assertValidation(() -> client.createTable(b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))),
                "The parameter 'TableName' is required but was not present in the request");
    }

    @Test
    void scan_segmentWithoutTotalSegments_namesTheMissingParameter() {
        assertValidation(() -> client.scan(b -> b.tableName("messages").segment(0)),
                "The TotalSegments parameter is required but was not present in the request when Segment parameter"
                        + " is present");
    }

    @Test
    void query_limitZero_isWordedWithoutTheValue() {
        assertValidation(() -> client.query(b -> b.tableName("messages").keyConditionExpression("pk = :v")
                        .expressionAttributeValues(Map.of(":v", s("x"))).limit(0)),
                "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 1");
    }

    @Test
    void query_mixingAttributesToGetWithExpressions_namesTheFilterBeforeTheKeyCondition() {
        assertValidation(() -> client.query(b -> b.tableName("messages").keyConditionExpression("pk = :v")
                        .filterExpression("note = :v").attributesToGet("note")
                        .expressionAttributeValues(Map.of(":v", s("x")))),
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {AttributesToGet} Expression parameters: {FilterExpression,"
                        + " KeyConditionExpression}");
    }

    @Test
    void legacyConditions_withAnUnknownComparisonOperator_nameTheConditionInThePath() {
        Condition lowercase = Condition.builder().comparisonOperator("eq").attributeValueList(s("x")).build();
        assertValidation(() -> client.query(b -> b.tableName("messages").keyConditions(Map.of("pk", lowercase))),
                "1 validation error detected: Value 'eq' at 'keyConditions.pk.member.comparisonOperator' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT,"
                        + " NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        assertValidation(() -> client.scan(b -> b.tableName("messages").scanFilter(Map.of("color",
                        Condition.builder().comparisonOperator("DOG").attributeValueList(s("x")).build()))),
                "1 validation error detected: Value 'DOG' at 'scanFilter.color.member.comparisonOperator' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT,"
                        + " NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }

    @Test
    void legacyConditions_withoutAComparisonOperator_failTheRequiredConstraint() {
        Condition equalsX = Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(s("x")).build();
        Condition missing = Condition.builder().attributeValueList(s("y")).build();
        assertValidation(() -> client.query(b -> b.tableName("messages")
                        .keyConditions(Map.of("pk", equalsX, "sk", missing))),
                "1 validation error detected: Value null at 'keyConditions.sk.member.comparisonOperator' failed to"
                        + " satisfy constraint: Member must not be null");
        assertValidation(() -> client.query(b -> b.tableName("messages").keyConditions(Map.of("pk", equalsX))
                        .queryFilter(Map.of("color", missing))),
                "1 validation error detected: Value null at 'queryFilter.color.member.comparisonOperator' failed to"
                        + " satisfy constraint: Member must not be null");
    }

    @Test
    void query_equalToAnEmptyKey_isRefusedNamingTheKey() {
        assertValidation(() -> client.query(b -> b.tableName("messages").keyConditionExpression("pk = :v")
                        .expressionAttributeValues(Map.of(":v", s("")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
                        + " an empty string value. Key: pk");
        assertValidation(() -> client.query(b -> b.tableName("messages").keyConditionExpression("pk = :p AND sk = :v")
                        .expressionAttributeValues(Map.of(":p", s("a"), ":v", s("")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
                        + " an empty string value. Key: sk");
    }

    @Test
    void scan_limitZero_echoesTheValue() {
        assertValidation(() -> client.scan(b -> b.tableName("messages").limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
    }

    @Test
    void sharedEnumMembers_outsideTheirValueSets_failTheEnumConstraint() {
        assertValidation(() -> client.getItem(b -> b.tableName("messages").key(Map.of("pk", s("a"), "sk", s("b")))
                        .returnConsumedCapacity("EVERYTHING")),
                "1 validation error detected: Value 'EVERYTHING' at 'returnConsumedCapacity' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        assertValidation(() -> client.putItem(b -> b.tableName("messages").item(Map.of("pk", s("a"), "sk", s("b")))
                        .returnItemCollectionMetrics("ALL").returnValuesOnConditionCheckFailure("ALL_NEW")),
                "2 validation errors detected: Value 'ALL_NEW' at 'returnValuesOnConditionCheckFailure' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]; Value 'ALL' at"
                        + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [SIZE, NONE]");
    }

    @Test
    void dataPlaneOnAMissingTable_isResourceNotFound_withoutTheTableName() {
        assertThatThrownBy(() -> client.scan(b -> b.tableName("absent-table")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Requested resource not found"));
    }
}
