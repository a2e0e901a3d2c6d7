package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * What DescribeTable, UpdateTable, DeleteTable, ListTables and DescribeContinuousBackups answer about a table,
 * field by field.
 */
class TablesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static void create(String name) {
        Attributes.idTable(client, name);
    }

    @Test
    void describeTable_ofAPayPerRequestTable_reportsZeroThroughput_andTheBillingMode() {
        Instant before = Instant.now().minusSeconds(1);
        create("described");
        client.putItem(b -> b.tableName("described").item(item("id", s("abc"), "v", s("x"))));

        var table = client.describeTable(b -> b.tableName("described")).table();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.itemCount()).isEqualTo(1);
        assertThat(table.tableSizeBytes()).isEqualTo(7);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isZero();
        assertThat(table.provisionedThroughput().numberOfDecreasesToday()).isZero();
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/described");
        assertThat(table.tableId()).isNotBlank();
        assertThat(table.creationDateTime()).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void updateTable_describesTheTableWithItsItems() {
        create("updated");
        client.putItem(b -> b.tableName("updated").item(item("id", s("abc"))));

        var table = client.updateTable(b -> b.tableName("updated").deletionProtectionEnabled(true))
                .tableDescription();

        assertThat(table.itemCount()).isEqualTo(1);
        assertThat(table.tableSizeBytes()).isEqualTo(5);
        assertThat(table.deletionProtectionEnabled()).isTrue();
    }

    @Test
    void deleteTable_answersDeleting_withTheTableAsItWas() {
        create("deleted");
        client.putItem(b -> b.tableName("deleted").item(item("id", s("abc"))));

        var table = client.deleteTable(b -> b.tableName("deleted")).tableDescription();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(table.itemCount()).isEqualTo(1);
        assertThat(table.tableSizeBytes()).isEqualTo(5);
        assertThat(client.listTables().tableNames()).doesNotContain("deleted");
    }

    @Test
    void deleteTable_leavesTheSchemaOutOfItsDescription() {
        client.createTable(b -> b.tableName("deleted-with-indexes").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("customer", ScalarAttributeType.S),
                        attribute("order", ScalarAttributeType.S), attribute("placed", ScalarAttributeType.S))
                .keySchema(hash("customer"), range("order"))
                .globalSecondaryIndexes(i -> i.indexName("by-placed").keySchema(hash("placed"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .localSecondaryIndexes(i -> i.indexName("by-customer-placed")
                        .keySchema(hash("customer"), range("placed"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        var table = client.deleteTable(b -> b.tableName("deleted-with-indexes")).tableDescription();

        assertThat(table.tableName()).isEqualTo("deleted-with-indexes");
        assertThat(table.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.creationDateTime()).isNull();
        assertThat(table.hasKeySchema()).isFalse();
        assertThat(table.hasAttributeDefinitions()).isFalse();
        assertThat(table.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(table.hasLocalSecondaryIndexes()).isFalse();
    }

    @Test
    void createTable_definingAnAttributeTwice_isAValidationError() {
        assertValidation(() -> client.createTable(b -> b.tableName("defined-twice")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku", ScalarAttributeType.S), attribute("sku", ScalarAttributeType.N))
                .keySchema(hash("sku"))), "Attribute Name is duplicated: sku");
    }

    @Test
    void createTable_withAnIndex_andADefinitionNoKeyUses_namesTheDefinitionsAndTheKeys() {
        assertValidation(() -> client.createTable(b -> b.tableName("unused-definition")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku", ScalarAttributeType.S),
                        attribute("warehouse", ScalarAttributeType.S), attribute("colour", ScalarAttributeType.S))
                .keySchema(hash("sku"))
                .globalSecondaryIndexes(i -> i.indexName("by-warehouse").keySchema(hash("warehouse"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))),
                "One or more parameter values were invalid: Some AttributeDefinitions are not used."
                        + " AttributeDefinitions: [sku, warehouse, colour], keys used: [sku, warehouse]");
    }

    @Test
    void createTable_withoutIndexes_andFewerDefinitionsThanKeys_isAnInvalidKeySchema() {
        assertValidation(() -> client.createTable(b -> b.tableName("range-undefined")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku", ScalarAttributeType.S))
                .keySchema(hash("sku"), range("placed"))),
                "Invalid KeySchema: Some index key attribute have no definition");
    }

    @Test
    void createTable_withoutIndexes_andMoreDefinitionsThanKeys_isACountMismatch_evenWhenAKeyIsUndefined() {
        assertValidation(() -> client.createTable(b -> b.tableName("count-first")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku", ScalarAttributeType.S),
                        attribute("colour", ScalarAttributeType.S), attribute("size", ScalarAttributeType.S))
                .keySchema(hash("sku"), range("placed"))),
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match"
                        + " number of attributes defined in AttributeDefinitions");
    }

    @Test
    void createTable_withAnIndexKeyUndefined_namesOnlyTheUndefinedKeys() {
        assertValidation(() -> client.createTable(b -> b.tableName("index-key-undefined")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku", ScalarAttributeType.S))
                .keySchema(hash("sku"))
                .globalSecondaryIndexes(i -> i.indexName("by-warehouse").keySchema(hash("warehouse"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))),
                "One or more parameter values were invalid: Some index key attributes are not defined in"
                        + " AttributeDefinitions. Keys: [warehouse], AttributeDefinitions: [sku]");
    }

    @Test
    void createTable_withoutIndexes_andAsManyDefinitionsAsKeysButOthers_namesEveryKey() {
        assertValidation(() -> client.createTable(b -> b.tableName("other-definitions")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku", ScalarAttributeType.S),
                        attribute("colour", ScalarAttributeType.S))
                .keySchema(hash("sku"), range("placed"))),
                "One or more parameter values were invalid: Some index key attributes are not defined in"
                        + " AttributeDefinitions. Keys: [sku, placed], AttributeDefinitions: [sku, colour]");
    }

    @Test
    void updateTable_withNothingToChange_namesWhatItTakes() {
        create("nothing-to-change");

        assertValidation(() -> client.updateTable(b -> b.tableName("nothing-to-change")),
                "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates,"
                        + " SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn,"
                        + " MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or"
                        + " TableClass is required");
    }

    @Test
    void updateTable_combiningChangesDynamoDbMakesOneAtATime_isRefused_andChangesNothing() {
        create("one-at-a-time");

        assertValidation(() -> client.updateTable(b -> b.tableName("one-at-a-time").deletionProtectionEnabled(true)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))),
                "One or more parameter values were invalid: DeletionProtection modification must be the only"
                        + " operation in the request");
        assertValidation(() -> client.updateTable(b -> b.tableName("one-at-a-time")
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(t -> t.readCapacityUnits(5L)
                        .writeCapacityUnits(5L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))),
                "One or more parameter values were invalid: You cannot modify stream status while updating table"
                        + " IOPS");
        assertValidation(() -> client.updateTable(b -> b.tableName("one-at-a-time")
                .attributeDefinitions(attribute("placed", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-placed").keySchema(hash("placed"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))),
                "One or more parameter values were invalid: You cannot create or delete index while changing stream"
                        + " status");
        assertValidation(() -> client.updateTable(b -> b.tableName("one-at-a-time")
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(t -> t.readCapacityUnits(5L)
                        .writeCapacityUnits(5L))
                .attributeDefinitions(attribute("placed", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-placed").keySchema(hash("placed"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))))),
                "One or more parameter values were invalid: You cannot create or delete index while updating table"
                        + " IOPS");

        var table = client.describeTable(b -> b.tableName("one-at-a-time")).table();
        assertThat(table.deletionProtectionEnabled()).isFalse();
        assertThat(table.streamSpecification()).isNull();
        assertThat(table.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void updateTable_provisionedThroughput_thatChangesNothing_orIsMissing_isRefused() {
        client.createTable(b -> b.tableName("provisioned").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(3L))
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        create("on-demand");

        assertValidation(() -> client.updateTable(b -> b.tableName("provisioned")
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(3L))),
                "The provisioned throughput for the table will not change. The requested value equals the current"
                        + " value. Current ReadCapacityUnits provisioned for the table: 5. Requested"
                        + " ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 3. Requested"
                        + " WriteCapacityUnits: 3. Refer to the Amazon DynamoDB Developer Guide for current limits and"
                        + " how to request higher limits.");
        assertValidation(() -> client.updateTable(b -> b.tableName("on-demand").billingMode(BillingMode.PROVISIONED)),
                "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode"
                        + " is PROVISIONED");
        assertThat(client.updateTable(b -> b.tableName("provisioned")
                .provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(3L))).tableDescription()
                .provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
    }

    @Test
    void tableClass_isDescribedOnceChosen_andChangedAlone() {
        client.createTable(b -> b.tableName("archive").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        create("hot");

        client.updateTable(b -> b.tableName("hot").tableClass(TableClass.STANDARD));
        assertThat(client.describeTable(b -> b.tableName("hot")).table().tableClassSummary()).isNull();
        assertThat(client.describeTable(b -> b.tableName("archive")).table().tableClassSummary().tableClass())
                .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertValidation(() -> client.updateTable(b -> b.tableName("hot").tableClass("COLD")),
                "Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD,"
                        + " STANDARD_INFREQUENT_ACCESS].");
        assertValidation(() -> client.updateTable(b -> b.tableName("hot")
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).deletionProtectionEnabled(true)),
                "One or more parameter values were invalid: TableClass modification must be the only operation in"
                        + " the request");

        client.updateTable(b -> b.tableName("hot").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertThat(client.describeTable(b -> b.tableName("hot")).table().tableClassSummary().tableClass())
                .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    }

    @Test
    void describeContinuousBackups_answersAsForANewTable_andTableNotFoundForAMissingOne() {
        create("backed-up");

        var description = client.describeContinuousBackups(b -> b.tableName("backed-up"))
                .continuousBackupsDescription();

        assertThat(description.continuousBackupsStatusAsString()).isEqualTo("ENABLED");
        assertThat(description.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString())
                .isEqualTo("DISABLED");
        assertThatThrownBy(() -> client.describeContinuousBackups(b -> b.tableName("never-created")))
                .isInstanceOf(TableNotFoundException.class)
                .satisfies(e -> assertThat(((TableNotFoundException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Table not found: never-created"));
    }

    @Test
    void listTables_startingAfterANameNoTableCanHave_isAValidationError() {
        assertValidation(() -> client.listTables(b -> b.exclusiveStartTableName("a")),
                "1 validation error detected: Value 'a' at 'exclusiveStartTableName' failed to satisfy constraint:"
                        + " Member must have length greater than or equal to 3");
    }

    @Test
    void capacityAboveATrillionUnits_isOutOfBounds_readUnitsFirst() {
        assertValidation(() -> client.createTable(b -> b.tableName("too-much-capacity")
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                        .provisionedThroughput(p -> p.readCapacityUnits(1_000_000_000_001L)
                                .writeCapacityUnits(1_000_000_000_001L))),
                "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
        create("bounded-capacity");
        assertValidation(() -> client.updateTable(b -> b.tableName("bounded-capacity")
                        .provisionedThroughput(p -> p.readCapacityUnits(1_000_000_000_000L)
                                .writeCapacityUnits(1_000_000_000_001L))),
                "Given value 1000000000001 for WriteCapacityUnits is out of bounds");
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("too-much-capacity")))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
    }

    @Test
    void updateTable_malformedThroughput_isAValidationError_beforeTheTableIsLookedUp() {
        assertValidation(() -> client.updateTable(b -> b.tableName("never-created")
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(-1L))),
                "1 validation error detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 1");
        assertValidation(() -> client.updateTable(b -> b.tableName("never-created")
                        .provisionedThroughput(p -> p.readCapacityUnits(1_000_000_000_001L).writeCapacityUnits(1L))),
                "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    }

    @Test
    void listTables_pagesInNameOrder() {
        create("list-c");
        create("list-a");
        create("list-b");

        var first = client.listTables(b -> b.exclusiveStartTableName("list-").limit(2));
        var second = client.listTables(b -> b.exclusiveStartTableName(first.lastEvaluatedTableName()).limit(2));

        assertThat(first.tableNames()).containsExactly("list-a", "list-b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("list-b");
        assertThat(second.tableNames()).startsWith("list-c");
    }
    @Test
    void tableArn_namesTheTableWhereverATableNameIsAsked() {
        create("by-arn");
        String arn = client.describeTable(b -> b.tableName("by-arn")).table().tableArn();

        client.putItem(b -> b.tableName(arn).item(item("id", s("a"))));

        assertThat(client.getItem(b -> b.tableName(arn).key(item("id", s("a")))).item()).containsKey("id");
        assertThat(client.query(b -> b.tableName(arn).keyConditionExpression("id = :id")
                .expressionAttributeValues(item(":id", s("a")))).count()).isEqualTo(1);
        assertThat(client.describeTable(b -> b.tableName(arn)).table().tableName()).isEqualTo("by-arn");
        assertThatThrownBy(() -> client.getItem(b -> b.tableName(arn.replace("by-arn", "no-such-table"))
                .key(item("id", s("a")))))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
    }

    @Test
    void createTable_answersCreating_forTheTableAndItsGlobalIndexes_whileDescribeTableFindsThemActive() {
        var created = client.createTable(b -> b.tableName("being-created").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku", ScalarAttributeType.S),
                        attribute("warehouse", ScalarAttributeType.S))
                .keySchema(hash("sku"))
                .globalSecondaryIndexes(i -> i.indexName("by-warehouse").keySchema(hash("warehouse"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))).tableDescription();

        var described = client.describeTable(b -> b.tableName("being-created")).table();

        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    }

    @Test
    void updateTable_answersUpdating_whileDescribeTableFindsTheChangeDone() {
        create("being-updated");

        var updated = client.updateTable(b -> b.tableName("being-updated")
                .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                .tableDescription();

        assertThat(updated.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(updated.streamSpecification().streamEnabled()).isTrue();
        assertThat(client.describeTable(b -> b.tableName("being-updated")).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
    }
}
