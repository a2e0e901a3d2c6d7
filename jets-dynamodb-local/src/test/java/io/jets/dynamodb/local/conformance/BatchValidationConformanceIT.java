package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The messages BatchGetItem and BatchWriteItem refuse bad batches with, as DynamoDB words them today. */
class BatchValidationConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("batch").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk")));
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        client.createTable(b -> b.tableName("batch-indexed").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("alt", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi1").keySchema(hash("pk"),
                        range("alt")).projection(all).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi1").keySchema(hash("alt"))
                        .projection(all).build()));
    }

    @Test
    void batchWriteItem_withNoTables_needsRequestItems() {
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of())),
                "The requestItems parameter is required for BatchWriteItem");
    }

    @Test
    void batchGetItem_withNoTables_failsTheRequestItemsConstraint() {
        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of())),
                "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 1");
    }

    @Test
    void batchGetItem_tableNameOutsideThePattern_failsTheMapKeysConstraint_echoingTheMap() {
        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of("bad!name",
                        KeysAndAttributes.builder().keys(item("pk", s("a"))).build()))),
                "1 validation error detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at"
                        + " 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member"
                        + " must have length less than or equal to 255, Member must have length greater than or equal"
                        + " to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
    }

    @Test
    void batchGetItem_projectionExpressionForOneTable_andAttributesToGetForAnother_mixTheStyles() {
        var requestItems = new java.util.LinkedHashMap<String, KeysAndAttributes>();
        requestItems.put("batch", KeysAndAttributes.builder().keys(item("pk", s("a")))
                .projectionExpression("pk").build());
        requestItems.put("batch-indexed", KeysAndAttributes.builder().keys(item("pk", s("a"), "sk", n("1")))
                .attributesToGet("pk").build());

        assertValidation(() -> client.batchGetItem(b -> b.requestItems(requestItems)),
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }

    @Test
    void batchGetItem_over100KeysForOneTable_failsTheKeysConstraint() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(item("pk", s("k" + i)));
        }

        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of("batch",
                        KeysAndAttributes.builder().keys(keys).build()))),
                "1 validation error detected: Value at 'RequestItems.batch.member.Keys' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 100");
    }

    @Test
    void batchGetItem_over100KeysAcrossTables_isRefusedBeforeAnyTableIsLookedUp() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(item("pk", s("k" + i)));
        }
        Map<String, KeysAndAttributes> requestItems = new java.util.LinkedHashMap<>();
        requestItems.put("no-such-batch", KeysAndAttributes.builder().keys(keys).build());
        requestItems.put("batch", KeysAndAttributes.builder().keys(item("pk", s("k100"))).build());

        assertValidation(() -> client.batchGetItem(b -> b.requestItems(requestItems)),
                "Too many items requested for the BatchGetItem call");
    }

    @Test
    void batchGetItem_noKeysForATable_failsTheKeysConstraint() {
        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of("batch",
                        KeysAndAttributes.builder().keys(List.of()).build()))),
                "1 validation error detected: Value at 'RequestItems.batch.member.Keys' failed to satisfy"
                        + " constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void batchWriteItem_over25Requests_echoesTheRequestsThenTheConstraint() {
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            requests.add(put(item("pk", s("bw-" + i))));
        }

        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch", requests))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .matches("(?s)^1 validation error detected: Value '\\{batch=\\[.+\\]\\}' at 'requestItems'"
                                + " failed to satisfy constraint: Map value must satisfy constraint: \\[Member must"
                                + " have length less than or equal to 25, Member must have length greater than or"
                                + " equal to 1\\]$"));
    }

    @Test
    void batchWriteItem_over25Requests_echoesEachRequestAsTheServiceModelPrintsIt() {
        List<WriteRequest> requests = new ArrayList<>();
        List<String> echoed = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            requests.add(put(item("pk", s("bw-" + i))));
            echoed.add("WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(s=bw-" + i + ", n=null, b=null,"
                    + " iNT=null, dECIMAL=null, dOUBLE=null, sS=null, nS=null, bS=null, iNTSET=null, dECIMALSET=null,"
                    + " dOUBLESET=null, m=null, l=null, nULL=null, bOOL=null)}, workloadProfileName=null),"
                    + " deleteRequest=null)");
        }

        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch", requests))),
                "1 validation error detected: Value '{batch=[" + String.join(", ", echoed) + "]}' at 'requestItems'"
                        + " failed to satisfy constraint: Map value must satisfy constraint: [Member must have length"
                        + " less than or equal to 25, Member must have length greater than or equal to 1]");
    }

    @Test
    void batchWriteItem_putWithAWronglyTypedTableKey_doesNotMatchTheSchema() {
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch",
                        List.of(put(item("pk", n("5"))))))),
                "The provided key element does not match the schema");
    }

    @Test
    void batchWriteItem_putWithoutTheTableKey_doesNotMatchTheSchema() {
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch",
                        List.of(put(item("colour", s("teal"))))))),
                "The provided key element does not match the schema");
    }

    @Test
    void batchWriteItem_wronglyTypedIndexKey_namesTheAlphabeticallyFirstIndex() {
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch-indexed",
                        List.of(put(item("pk", s("a"), "sk", n("1"), "alt", n("5"))))))),
                "One or more parameter values were invalid: Type mismatch for Index Key alt Expected: S Actual: N"
                        + " IndexName: gsi1");
    }

    @Test
    void batchWriteItem_emptyIndexKey_namesTheAlphabeticallyFirstIndex() {
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch-indexed",
                        List.of(put(item("pk", s("a"), "sk", n("1"), "alt", s(""))))))),
                "One or more parameter values are not valid. A value specified for a secondary index key is not"
                        + " supported. The AttributeValue for a key attribute cannot contain an empty string value."
                        + " IndexName: gsi1, IndexKey: alt");
    }

    @Test
    void batchWriteItem_sameKeyTwice_isRefused() {
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("batch", List.of(
                        put(item("pk", s("twice"))),
                        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s("twice")))).build())))),
                "Provided list of item keys contains duplicates");
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
