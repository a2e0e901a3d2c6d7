package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExecuteStatement's own wording for a SELECT on an index it cannot read as asked. */
class IndexMessagesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("parcels").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("tracking", ScalarAttributeType.S),
                        attribute("depot", ScalarAttributeType.S))
                .keySchema(hash("tracking"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-depot").keySchema(hash("depot"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    @Test
    void executeStatement_consistentReadOfAGlobalIndex_isRefused() {
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT * FROM \"parcels\".\"by-depot\"")
                        .consistentRead(true)),
                "Strongly consistent read is not supported on Global Secondary Indexes");
    }

    @Test
    void executeStatement_unknownIndex_isRefusedWithoutNamingIt() {
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT * FROM \"parcels\".\"by-van\"")),
                "The table does not have the specified index");
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT * FROM \"parcels\".\"by-van\"")
                        .consistentRead(true)),
                "The table does not have the specified index");
    }
}
