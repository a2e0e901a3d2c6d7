package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.attribute;
import static io.jets.dynamodb.local.Clients.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TablesIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @Test
    void createTable_thenDescribeTable_reportsSchemaArnAndStream() {
        String streamArn = Clients.createTable(client, "tables-describe", true, StreamViewType.NEW_AND_OLD_IMAGES);

        TableDescription table = client.describeTable(b -> b.tableName("tables-describe")).table();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(key("id", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/tables-describe");
        assertThat(table.tableId()).hasSize(36);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn()).isEqualTo(streamArn);
        assertThat(table.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(streamArn).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/tables-describe/stream/"
                + table.latestStreamLabel());
        assertThat(table.itemCount()).isZero();
    }

    @Test
    void createTable_existingName_isResourceInUse() {
        Clients.createTable(client, "tables-twice", false, null);

        assertThatThrownBy(() -> Clients.createTable(client, "tables-twice", false, null))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: tables-twice");
    }

    @Test
    void describeTable_missing_isResourceNotFound() {
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("tables-missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: tables-missing not found");
    }

    @Test
    void createTable_badName_listsEveryViolation() {
        assertThatThrownBy(() -> Clients.createTable(client, "a$", false, null))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageStartingWith("2 validation errors detected: Value 'a$' at 'tableName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a$'"
                        + " at 'tableName' failed to satisfy constraint: Member must have length greater than or"
                        + " equal to 3");
    }

    @Test
    void createTable_keyNotDefined_isValidationError() {
        CreateTableRequest request = CreateTableRequest.builder().tableName("tables-undefined")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("other", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)).build();

        assertThatThrownBy(() -> client.createTable(request))
                .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are"
                        + " not defined in AttributeDefinitions. Keys: [id], AttributeDefinitions: [other]");
    }

    @Test
    void createTable_extraDefinition_isValidationError() {
        CreateTableRequest request = CreateTableRequest.builder().tableName("tables-extra")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("x", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)).build();

        assertThatThrownBy(() -> client.createTable(request))
                .hasMessageStartingWith("One or more parameter values were invalid: Number of attributes in"
                        + " KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }

    @Test
    void createTable_provisionedWithoutThroughput_isValidationError() {
        CreateTableRequest request = CreateTableRequest.builder().tableName("tables-provisioned")
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)).build();

        assertThatThrownBy(() -> client.createTable(request))
                .hasMessageStartingWith("One or more parameter values were invalid: ReadCapacityUnits and"
                        + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }

    @Test
    void createTable_disabledStreamWithViewType_isValidationError() {
        CreateTableRequest request = CreateTableRequest.builder().tableName("tables-stream-off")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.NEW_IMAGE)).build();

        assertThatThrownBy(() -> client.createTable(request))
                .hasMessageStartingWith("One or more parameter values were invalid: Table is being created with a"
                        + " stream disabled, UpdateViewType should not be specified");
    }

    @Test
    void createTable_zeroCapacity_isValidationError() {
        CreateTableRequest request = CreateTableRequest.builder().tableName("tables-zero")
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH))
                .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(5L)).build();

        assertThatThrownBy(() -> client.createTable(request))
                .hasMessageStartingWith("1 validation error detected: Value '0' at"
                        + " 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
    }

    @Test
    void createTable_provisioned_reportsItsThroughput() {
        client.createTable(CreateTableRequest.builder().tableName("tables-provisioned-ok")
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH))
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L)).build());

        var throughput = client.describeTable(b -> b.tableName("tables-provisioned-ok")).table()
                .provisionedThroughput();

        assertThat(throughput.readCapacityUnits()).isEqualTo(3L);
        assertThat(throughput.writeCapacityUnits()).isEqualTo(4L);
    }

    @Test
    void listTables_pagesInNameOrder() {
        for (String name : new String[] {"list-c", "list-a", "list-b"}) {
            Clients.createTable(client, name, false, null);
        }

        var first = client.listTables(b -> b.exclusiveStartTableName("list-").limit(2));
        var second = client.listTables(b -> b.exclusiveStartTableName(first.lastEvaluatedTableName()).limit(2));

        assertThat(first.tableNames()).containsExactly("list-a", "list-b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("list-b");
        assertThat(second.tableNames()).startsWith("list-c");
    }

    @Test
    void deleteTable_removesTableAndItsItems() {
        Clients.createTable(client, "tables-delete", false, null);
        client.putItem(b -> b.tableName("tables-delete").item(java.util.Map.of("id", Clients.s("a"))));

        var deleted = client.deleteTable(b -> b.tableName("tables-delete")).tableDescription();
        Clients.createTable(client, "tables-delete", false, null);

        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(client.scan(b -> b.tableName("tables-delete")).items()).isEmpty();
    }

    @Test
    void deleteTable_withDeletionProtection_isRefused() {
        client.createTable(CreateTableRequest.builder().tableName("tables-protected")
                .billingMode(BillingMode.PAY_PER_REQUEST).deletionProtectionEnabled(true)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH))
                .build());

        assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("tables-protected")))
                .hasMessageStartingWith("Resource cannot be deleted as it is currently protected against deletion."
                        + " Disable deletion protection first.");
        client.updateTable(b -> b.tableName("tables-protected").deletionProtectionEnabled(false));
        assertThat(client.deleteTable(b -> b.tableName("tables-protected")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
    }

    @Test
    void deleteTable_missing_isResourceNotFound() {
        assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("tables-never")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: tables-never not found");
    }

    @Test
    void describeTable_countsItemsAndBytes() {
        Clients.createTable(client, "tables-count", false, null);
        client.putItem(b -> b.tableName("tables-count").item(java.util.Map.of("id", Clients.s("abc"))));
        client.putItem(b -> b.tableName("tables-count").item(java.util.Map.of("id", Clients.s("de"))));

        TableDescription table = client.describeTable(b -> b.tableName("tables-count")).table();

        assertThat(table.itemCount()).isEqualTo(2);
        assertThat(table.tableSizeBytes()).isEqualTo((2 + 3) + (2 + 2));
    }
}
