package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexWarmThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates Update action: a raised warm throughput for an index in either billing
 * mode, a new provisioned throughput for an index of a provisioned table, and what DynamoDB refuses.
 */
class IndexThroughputUpdateConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static void onDemandTable(String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("page", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(g -> g.indexName("by-page").keySchema(hash("page"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
    }

    private static void provisionedTable(String name, long read, long write) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("page", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(g -> g.indexName("by-page").keySchema(hash("page"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))));
    }

    private static TableDescription update(String table, UpdateGlobalSecondaryIndexAction action) {
        return client.updateTable(b -> b.tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().update(action).build()))
                .tableDescription();
    }

    private static UpdateGlobalSecondaryIndexAction warm(String index, Long read, Long write) {
        return UpdateGlobalSecondaryIndexAction.builder().indexName(index)
                .warmThroughput(WarmThroughput.builder().readUnitsPerSecond(read).writeUnitsPerSecond(write).build())
                .build();
    }

    private static UpdateGlobalSecondaryIndexAction capacity(String index, long read, long write) {
        return UpdateGlobalSecondaryIndexAction.builder().indexName(index)
                .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write)).build();
    }

    private static GlobalSecondaryIndexDescription index(TableDescription table) {
        return table.globalSecondaryIndexes().get(0);
    }

    private static GlobalSecondaryIndexDescription described(String table) {
        return index(client.describeTable(b -> b.tableName(table)).table());
    }

    private static GlobalSecondaryIndexWarmThroughputDescription warmDescription(long read, long write,
                                                                                 String status) {
        return GlobalSecondaryIndexWarmThroughputDescription.builder().readUnitsPerSecond(read)
                .writeUnitsPerSecond(write).status(status).build();
    }

    @Test
    void anIndexCreatedWithWarmThroughput_reportsItOnceCreated_andKeepsTheOtherUnitOfItsBilling() {
        var created = client.createTable(b -> b.tableName("clicks-warm").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("page", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(g -> g.indexName("by-page").keySchema(hash("page"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .warmThroughput(w -> w.readUnitsPerSecond(13000L)))).tableDescription();

        assertThat(described("clicks-warm").warmThroughput()).isEqualTo(warmDescription(13000, 4000, "ACTIVE"));
        assertThat(created.globalSecondaryIndexes().get(0).warmThroughput()).isNull();
        assertValidation(() -> update("clicks-warm", warm("by-page", 12500L, null)),
                "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for"
                        + " index by-page is lower than current WarmThroughput, decreasing WarmThroughput is not"
                        + " supported");
    }

    @Test
    void raisingTheWarmThroughputOfAnIndex_isUnderWayInTheAnswer_andShownByDescribeTable() {
        onDemandTable("clicks-raised");

        var answered = index(update("clicks-raised", warm("by-page", 12001L, 4001L)));

        assertThat(answered.indexStatus().toString()).isEqualTo("ACTIVE");
        assertThat(answered.warmThroughput()).isEqualTo(warmDescription(12000, 4000, "UPDATING"));
        assertThat(described("clicks-raised").warmThroughput()).isEqualTo(warmDescription(12001, 4001, "ACTIVE"));
    }

    @Test
    void raisingOneWarmUnitOfAnIndex_keepsTheOther() {
        onDemandTable("clicks-read-raised");

        update("clicks-read-raised", warm("by-page", 12002L, null));

        assertThat(described("clicks-read-raised").warmThroughput()).isEqualTo(warmDescription(12002, 4000,
                "ACTIVE"));
    }

    @Test
    void lowerWarmThroughputForAnIndex_isRefused_andTheSameValueIsAccepted() {
        onDemandTable("clicks-lowered");

        assertValidation(() -> update("clicks-lowered", warm("by-page", 100L, 100L)),
                "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for"
                        + " index by-page is lower than current WarmThroughput, decreasing WarmThroughput is not"
                        + " supported");
        update("clicks-lowered", warm("by-page", 12000L, 4000L));
        assertThat(described("clicks-lowered").warmThroughput()).isEqualTo(warmDescription(12000, 4000, "ACTIVE"));
    }

    @Test
    void warmThroughputNamingNeitherUnit_isRefusedBeforeTheTableIsLookedUp() {
        assertValidation(() -> update("no-such-table", warm("by-page", null, null)),
                "One or more parameter values were invalid: WarmThroughput must have at least one of"
                        + " ReadUnitsPerSecond or WriteUnitsPerSecond specified for index: by-page");
    }

    @Test
    void anIndexOfAnOnDemandTable_takesOnlyWarmOrOnDemandThroughput() {
        onDemandTable("clicks-capacity");

        assertValidation(() -> update("clicks-capacity", capacity("by-page", 3, 3)),
                "One or more parameter values were invalid: The only Updates for index: by-page when"
                        + " TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
        assertValidation(() -> update("clicks-capacity",
                        UpdateGlobalSecondaryIndexAction.builder().indexName("by-page").build()),
                "One or more parameter values were invalid: The only Updates for index: by-page when"
                        + " TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
    }

    @Test
    void updatingAnIndexTheTableDoesNotHave_isResourceNotFound() {
        onDemandTable("clicks-ghost");

        assertThatThrownBy(() -> update("clicks-ghost", UpdateGlobalSecondaryIndexAction.builder()
                .indexName("ghost").onDemandThroughput(t -> t.maxReadRequestUnits(10L)).build()))
                .isInstanceOf(ResourceNotFoundException.class)
                .extracting(e -> ((ResourceNotFoundException) e).awsErrorDetails().errorMessage())
                .isEqualTo("Requested resource not found: Index ghost for table clicks-ghost");
    }

    @Test
    void newCapacityForAnIndex_isUnderWayInTheAnswer_andShownByDescribeTable() {
        provisionedTable("orders-raised", 2, 2);

        var answered = index(update("orders-raised", capacity("by-page", 20, 30)));

        assertThat(answered.indexStatus().toString()).isEqualTo("UPDATING");
        assertThat(answered.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
        var described = described("orders-raised");
        assertThat(described.indexStatus().toString()).isEqualTo("ACTIVE");
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(20L);
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isEqualTo(30L);
        assertThat(described.warmThroughput()).isEqualTo(warmDescription(20, 30, "ACTIVE"));
    }

    @Test
    void loweringTheCapacityOfAnIndex_keepsTheWarmThroughputItReached() {
        provisionedTable("orders-lowered", 20, 30);

        update("orders-lowered", capacity("by-page", 1, 1));

        var described = described("orders-lowered");
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
        assertThat(described.warmThroughput()).isEqualTo(warmDescription(20, 30, "ACTIVE"));
    }

    @Test
    void theSameCapacityForAnIndex_isRefused() {
        provisionedTable("orders-same", 2, 2);

        assertValidation(() -> update("orders-same", capacity("by-page", 2, 2)),
                "The provisioned throughput for the index by-page will not change. The requested value equals the"
                        + " current value. Current ReadCapacityUnits provisioned for index by-page: 2. Requested"
                        + " ReadCapacityUnits: 2. Current WriteCapacityUnits provisioned for index by-page: 2."
                        + " Requested WriteCapacityUnits: 2. Refer to the Amazon DynamoDB Developer Guide for"
                        + " current limits and how to request higher limits.");
    }

    @Test
    void capacityWithoutWriteUnits_isRefusedByItsConstraint() {
        provisionedTable("orders-half", 2, 2);

        assertValidation(() -> update("orders-half", UpdateGlobalSecondaryIndexAction.builder().indexName("by-page")
                        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(3L).build()).build()),
                "1 validation error detected: Value null at"
                        + " 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.writeCapacityUnits'"
                        + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void anIndexAddedToAProvisionedTable_needsACapacity_andOneAddedOnDemandMayNotHaveOne() {
        provisionedTable("orders-added", 2, 2);
        onDemandTable("clicks-added");

        assertValidation(() -> client.updateTable(b -> b.tableName("orders-added")
                        .attributeDefinitions(attribute("region", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                                .indexName("by-region").keySchema(hash("region"))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build())),
                "One or more parameter values were invalid: Both ReadCapacityUnits and WriteCapacityUnits must be"
                        + " specified for index: by-region");
        assertValidation(() -> client.updateTable(b -> b.tableName("clicks-added")
                        .attributeDefinitions(attribute("region", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                                .indexName("by-region").keySchema(hash("region"))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))).build())),
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be"
                        + " specified for index: by-region when BillingMode is PAY_PER_REQUEST");
        assertThat(client.describeTable(b -> b.tableName("orders-added")).table().globalSecondaryIndexes())
                .hasSize(1);
    }

    @Test
    void updateOrDeleteActionsWithoutAnIndexName_areRefusedByTheirConstraint() {
        onDemandTable("clicks-nameless");

        assertValidation(() -> update("clicks-nameless", UpdateGlobalSecondaryIndexAction.builder()
                        .warmThroughput(w -> w.readUnitsPerSecond(13000L)).build()),
                "1 validation error detected: Value null at 'globalSecondaryIndexUpdates.1.member.update.indexName'"
                        + " failed to satisfy constraint: Member must not be null");
        assertValidation(() -> client.updateTable(b -> b.tableName("clicks-nameless").globalSecondaryIndexUpdates(
                        GlobalSecondaryIndexUpdate.builder().delete(d -> { }).build())),
                "1 validation error detected: Value null at 'globalSecondaryIndexUpdates.1.member.delete.indexName'"
                        + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void warmThroughputBelowWhatOnDemandStartsAt_isRefusedForAnIndexAndForATable() {
        String initial = " is lower than initial throughput for OnDemand. See:"
                + " https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html"
                + "#on-demand-capacity-mode-initial";

        assertValidation(() -> client.createTable(b -> b.tableName("clicks-cold")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                                attribute("page", ScalarAttributeType.S))
                        .keySchema(hash("id"))
                        .globalSecondaryIndexes(g -> g.indexName("by-page").keySchema(hash("page"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .warmThroughput(w -> w.writeUnitsPerSecond(100L)))),
                "One or more parameter values were invalid: Requested WriteUnitsPerSecond for WarmThroughput for index"
                        + " by-page" + initial);
        assertValidation(() -> client.createTable(b -> b.tableName("clicks-cold")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                        .warmThroughput(w -> w.readUnitsPerSecond(1L).writeUnitsPerSecond(1L))),
                "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table"
                        + initial);
    }

    @Test
    void updatingALocalIndexAsAGlobalOne_isRefused() {
        client.createTable(b -> b.tableName("orders-local").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("at", ScalarAttributeType.S),
                        attribute("page", ScalarAttributeType.S))
                .keySchema(hash("id"), range("at"))
                .localSecondaryIndexes(l -> l.indexName("by-page").keySchema(hash("id"), range("page"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        assertValidation(() -> update("orders-local", warm("by-page", 13000L, null)),
                "Cannot update an index that is not a GlobalSecondaryIndex: by-page");
    }

    @Test
    void switchingToProvisioned_needsCapacityForEveryIndex() {
        onDemandTable("clicks-switched");

        assertValidation(() -> client.updateTable(b -> b.tableName("clicks-switched")
                        .billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(t -> t.readCapacityUnits(50L).writeCapacityUnits(50L))),
                "One or more parameter values were invalid: ProvisionedThroughput must be specified for index:"
                        + " by-page");
        client.updateTable(b -> b.tableName("clicks-switched").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(50L).writeCapacityUnits(50L))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(capacity("by-page", 40, 45)).build()));

        var described = described("clicks-switched");
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(40L);
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isEqualTo(45L);
        // the warm throughput the index had on demand stays
        assertThat(described.warmThroughput()).isEqualTo(warmDescription(12000, 4000, "ACTIVE"));
    }
}
