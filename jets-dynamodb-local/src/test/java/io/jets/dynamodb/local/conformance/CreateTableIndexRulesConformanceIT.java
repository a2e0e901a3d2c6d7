package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What CreateTable requires of the index lists it is given: none empty, and a global index's capacity given
 * exactly when the table is provisioned (the default when BillingMode is left out).
 */
class CreateTableIndexRulesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static CreateTableRequest.Builder withCityIndex(String name) {
        return CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("city", ScalarAttributeType.S))
                .keySchema(hash("id"));
    }

    @Test
    void emptyIndexLists_areRefused() {
        assertValidation(() -> client.createTable(b -> b.tableName("empty-globals")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                        .globalSecondaryIndexes(List.of())),
                "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
        assertValidation(() -> client.createTable(b -> b.tableName("empty-locals")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                                attribute("at", ScalarAttributeType.N))
                        .keySchema(hash("id"), range("at")).localSecondaryIndexes(List.of())),
                "One or more parameter values were invalid: List of LocalSecondaryIndexes is empty");

        assertThat(client.listTables().tableNames()).doesNotContain("empty-globals", "empty-locals");
    }

    @Test
    void aGlobalIndexHasCapacity_exactlyWhenTheTableIsProvisioned() {
        assertValidation(() -> client.createTable(withCityIndex("on-demand-capacity")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .globalSecondaryIndexes(g -> g.indexName("by-city").keySchema(hash("city"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)))
                        .build()),
                "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index:"
                        + " by-city when BillingMode is PAY_PER_REQUEST");
        assertValidation(() -> client.createTable(withCityIndex("provisioned-no-capacity")
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
                        .globalSecondaryIndexes(g -> g.indexName("by-city").keySchema(hash("city"))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .build()),
                "One or more parameter values were invalid: ProvisionedThroughput is not specified for index:"
                        + " by-city");

        var created = client.createTable(withCityIndex("provisioned-by-default")
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
                .globalSecondaryIndexes(g -> g.indexName("by-city").keySchema(hash("city"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(t -> t.readCapacityUnits(6L).writeCapacityUnits(7L)))
                .build()).tableDescription();

        assertThat(created.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(6L);
        assertThat(created.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits())
                .isEqualTo(7L);
    }
}
