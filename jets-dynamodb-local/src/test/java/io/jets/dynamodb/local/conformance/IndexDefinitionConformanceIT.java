package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What a secondary index definition must spell out (its name, its projection) and the key size limits its key
 * attributes share with table keys.
 */
class IndexDefinitionConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("parcels").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("parcel", ScalarAttributeType.S),
                        attribute("depot", ScalarAttributeType.S), attribute("route", ScalarAttributeType.S))
                .keySchema(hash("parcel"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-depot")
                        .keySchema(hash("depot"), range("route"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    private static void createWithProjection(Projection projection) {
        client.createTable(b -> b.tableName("never-created").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("zone", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-zone").keySchema(hash("zone"))
                        .projection(projection).build()));
    }

    private static void createWithIndexName(String indexName) {
        client.createTable(b -> b.tableName("never-created").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(indexName).keySchema(hash("id"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    @Test
    void createTable_includeProjectionWithoutNonKeyAttributes_isValidationError() {
        assertValidation(() -> createWithProjection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .build()), "One or more parameter values were invalid: ProjectionType is INCLUDE, but"
                + " NonKeyAttributes is not specified");
    }

    @Test
    void createTable_nonKeyAttributesWithAllOrKeysOnly_isValidationError() {
        assertValidation(() -> createWithProjection(Projection.builder().projectionType(ProjectionType.ALL)
                .nonKeyAttributes("weight").build()), "One or more parameter values were invalid: ProjectionType is"
                + " ALL, but NonKeyAttributes is specified");
        assertValidation(() -> createWithProjection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY)
                .nonKeyAttributes("weight").build()), "One or more parameter values were invalid: ProjectionType is"
                + " KEYS_ONLY, but NonKeyAttributes is specified");
    }

    @Test
    void createTable_repeatedNonKeyAttribute_isValidationError() {
        assertValidation(() -> createWithProjection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("weight", "weight").build()), "One or more parameter values were invalid:"
                + " Duplicate element in NonKeyAttributes: weight");
    }

    @Test
    void createTable_missingOrUnknownProjectionType_isValidationError() {
        assertValidation(() -> createWithProjection(Projection.builder().build()),
                "One or more parameter values were invalid: Unknown ProjectionType: null");
        assertValidation(() -> createWithProjection(Projection.builder().projectionType("EVERYTHING").build()),
                "1 validation error detected: Value 'EVERYTHING' at"
                        + " 'globalSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
    }

    @Test
    void createTable_indexNameOutsideTheTableNameRules_isValidationError() {
        assertValidation(() -> createWithIndexName("ix"), "1 validation error detected: Value 'ix' at"
                + " 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length"
                + " greater than or equal to 3");
        assertValidation(() -> createWithIndexName("by zone"), "1 validation error detected: Value 'by zone' at"
                + " 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must satisfy"
                + " regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void createTable_localIndexWithoutSortKey_isValidationError() {
        assertValidation(() -> client.createTable(b -> b.tableName("never-created")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("at", ScalarAttributeType.S))
                .keySchema(hash("id"), range("at"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-id").keySchema(hash("id"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())),
                "One or more parameter values were invalid: Index KeySchema does not have a range key for index:"
                        + " by-id");
    }

    @Test
    void createTable_indexWithTheSameAttributeAsHashAndRange_isValidationError() {
        assertValidation(() -> client.createTable(b -> b.tableName("never-created")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("at", ScalarAttributeType.S))
                .keySchema(hash("id"), range("at"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-id").keySchema(hash("id"),
                        range("id")).projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())),
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }

    @Test
    void createTable_localAndGlobalIndexWithOneName_isValidationError() {
        Projection keysOnly = Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();

        assertValidation(() -> client.createTable(b -> b.tableName("never-created")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("at", ScalarAttributeType.S),
                        attribute("zone", ScalarAttributeType.S))
                .keySchema(hash("id"), range("at"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-zone")
                        .keySchema(hash("id"), range("zone")).projection(keysOnly).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-zone")
                        .keySchema(hash("zone")).projection(keysOnly).build())),
                "One or more parameter values were invalid: Duplicate index name: by-zone");
    }

    @Test
    void createTable_indexWithoutKeySchema_isValidationError_notAServerError() {
        assertValidation(() -> client.createTable(b -> b.tableName("never-created")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                        .keySchema(hash("id"))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-zone")
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())),
                "1 validation error detected: Value null at 'globalSecondaryIndexes.1.member.keySchema' failed to"
                        + " satisfy constraint: Member must not be null");
        assertValidation(() -> client.updateTable(b -> b.tableName("parcels")
                        .attributeDefinitions(attribute("weight", ScalarAttributeType.N))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                                .indexName("by-weight")
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()))
                                .build())),
                "1 validation error detected: Value null at 'globalSecondaryIndexUpdates.1.member.create.keySchema'"
                        + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void createTable_everyMissingMemberOfAnIndex_isReportedTogether() {
        assertValidation(() -> client.createTable(b -> b.tableName("never-created")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                                attribute("at", ScalarAttributeType.S))
                        .keySchema(hash("id"), range("at"))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder().build())),
                "3 validation errors detected: Value null at 'localSecondaryIndexes.1.member.indexName' failed to"
                        + " satisfy constraint: Member must not be null; Value null at"
                        + " 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must not"
                        + " be null; Value null at 'localSecondaryIndexes.1.member.projection' failed to satisfy"
                        + " constraint: Member must not be null");
    }

    @Test
    void updateTable_createIndexWithoutNonKeyAttributes_isValidationError() {
        assertValidation(() -> client.updateTable(b -> b.tableName("parcels")
                .attributeDefinitions(attribute("weight", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-weight")
                        .keySchema(hash("weight"))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).build())).build())),
                "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not"
                        + " specified");
    }

    @Test
    void putItem_indexPartitionKeyOver2048Bytes_isValidationError_andWritesNothing() {
        assertValidation(() -> client.putItem(b -> b.tableName("parcels").item(item("parcel", s("p-1"),
                "depot", s("d".repeat(2049)), "route", s("r1")))), "One or more parameter values were invalid: Size"
                + " limit exceeded for Index Key depot Actual Size: 2049 bytes Max Size: 2048 bytes IndexName:"
                + " by-depot");

        assertThat(client.getItem(b -> b.tableName("parcels").key(Map.of("parcel", s("p-1")))).hasItem()).isFalse();
    }

    @Test
    void putItem_indexSortKeyOver1024Bytes_isValidationError() {
        assertValidation(() -> client.putItem(b -> b.tableName("parcels").item(item("parcel", s("p-2"),
                "depot", s("north"), "route", s("r".repeat(1025))))), "One or more parameter values were invalid:"
                + " Size limit exceeded for Index Key route Actual Size: 1025 bytes Max Size: 1024 bytes IndexName:"
                + " by-depot");
    }

    @Test
    void putItem_indexKeysAtTheLimits_areIndexed() {
        String depot = "d".repeat(2048);
        client.putItem(b -> b.tableName("parcels").item(item("parcel", s("p-3"), "depot", s(depot),
                "route", s("r".repeat(1024)))));

        assertThat(client.query(b -> b.tableName("parcels").indexName("by-depot")
                .keyConditionExpression("depot = :d").expressionAttributeValues(Map.of(":d", s(depot)))).count())
                .isEqualTo(1);
    }
}
