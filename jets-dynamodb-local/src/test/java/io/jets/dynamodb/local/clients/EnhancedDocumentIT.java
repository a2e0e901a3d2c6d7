package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.document.DocumentTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Schemaless documents: nested maps and lists, every set type, binary, nulls and 38-digit numbers. */
class EnhancedDocumentIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(local.dynamoDb()).build();
    private static final DynamoDbTable<EnhancedDocument> documents = enhanced.table("documents",
            DocumentTableSchema.builder()
                    .addIndexPartitionKey(TableMetadata.primaryIndexName(), "pk", AttributeValueType.S)
                    .addIndexSortKey(TableMetadata.primaryIndexName(), "n", AttributeValueType.N)
                    .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                    .build());

    @BeforeAll
    static void createTable() {
        documents.createTable();
    }

    private static EnhancedDocument.Builder document(String pk, String n) {
        return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString("pk", pk).putNumber("n", new BigDecimal(n));
    }

    @Test
    void document_withEveryType_readsBackExactly() {
        byte[] bytes = {0, 1, (byte) 0xfe, (byte) 0xff};
        EnhancedDocument written = document("doc", "1")
                .putNumber("precise", new BigDecimal("12345678901234567890.123456789012345678"))
                .putNumber("tiny", new BigDecimal("1E-130"))
                .putNumber("huge", new BigDecimal("9.9999999999999999999999999999999999999E+125"))
                .putNumber("negative", -42L)
                .putBytes("raw", SdkBytes.fromByteArray(bytes))
                .putStringSet("tags", Set.of("a", "b"))
                .putNumberSet("sizes", Set.of(SdkNumber.fromString("1.5"),
                        SdkNumber.fromString("100000000000000000000")))
                .putBytesSet("keys", Set.of(SdkBytes.fromUtf8String("k1"), SdkBytes.fromUtf8String("k2")))
                .putBoolean("active", true)
                .putNull("nothing")
                .putList("names", List.of("x", "y", "x"), EnhancedType.of(String.class))
                .putMap("limits", Map.of("daily", 10, "monthly", 300), EnhancedType.of(String.class),
                        EnhancedType.of(Integer.class))
                .putJson("profile", "{\"address\":{\"city\":\"Lyon\",\"zip\":[69001,69002]},\"vip\":false,"
                        + "\"nickname\":null}")
                .build();
        documents.putItem(written);

        EnhancedDocument read = documents.getItem(Key.builder().partitionValue("doc").sortValue(1).build());

        assertThat(read.getNumber("precise").bigDecimalValue())
                .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
        assertThat(read.getNumber("tiny").bigDecimalValue()).isEqualByComparingTo("1E-130");
        assertThat(read.getNumber("huge").bigDecimalValue())
                .isEqualByComparingTo("9.9999999999999999999999999999999999999E+125");
        assertThat(read.getNumber("negative").longValue()).isEqualTo(-42L);
        assertThat(read.getBytes("raw").asByteArray()).containsExactly(bytes);
        assertThat(read.getStringSet("tags")).containsExactlyInAnyOrder("a", "b");
        assertThat(read.getNumberSet("sizes")).extracting(SdkNumber::bigDecimalValue)
                .containsExactlyInAnyOrder(new BigDecimal("1.5"), new BigDecimal("100000000000000000000"));
        assertThat(read.getBytesSet("keys")).extracting(SdkBytes::asUtf8String).containsExactlyInAnyOrder("k1", "k2");
        assertThat(read.getBoolean("active")).isTrue();
        assertThat(read.isNull("nothing")).isTrue();
        assertThat(read.getList("names", EnhancedType.of(String.class))).containsExactly("x", "y", "x");
        assertThat(read.getMap("limits", EnhancedType.of(String.class), EnhancedType.of(Integer.class)))
                .isEqualTo(Map.of("daily", 10, "monthly", 300));
        assertThat(read.getJson("profile"))
                .isEqualTo("{\"address\":{\"city\":\"Lyon\",\"zip\":[69001,69002]},\"vip\":false,\"nickname\":null}");
    }

    @Test
    void document_asStored_keepsTheNumberTextDynamoDbNormalises() {
        documents.putItem(document("wire", "2").putNumber("padded", new BigDecimal("0010.500")).build());

        var item = local.dynamoDb().getItem(b -> b.tableName("documents")
                .key(Map.of("pk", AttributeValue.fromS("wire"), "n", AttributeValue.fromN("2")))).item();

        // DynamoDB drops leading and trailing zeros of a number it stores
        assertThat(item.get("padded")).isEqualTo(AttributeValue.fromN("10.5"));
    }

    @Test
    void documentQuery_ordersNumericSortKeysNumerically() {
        for (String n : List.of("10", "9", "-1", "1.5", "100")) {
            documents.putItem(document("sorted", n).putString("label", "n" + n).build());
        }

        List<String> labels = documents.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue("sorted"))).build())
                .items().stream().map(d -> d.getString("label")).toList();

        assertThat(labels).containsExactly("n-1", "n1.5", "n9", "n10", "n100");
    }

    @Test
    void documentUpdate_replacesNestedValues_andKeepsTheRest() {
        documents.putItem(document("upd", "3").putJson("settings", "{\"theme\":\"dark\",\"size\":12}")
                .putString("owner", "ann").build());

        EnhancedDocument updated = documents.updateItem(r -> r.item(document("upd", "3")
                .putJson("settings", "{\"theme\":\"light\",\"size\":14,\"fonts\":[\"mono\"]}").build())
                .ignoreNulls(true));

        assertThat(updated.getJson("settings")).isEqualTo("{\"theme\":\"light\",\"size\":14,\"fonts\":[\"mono\"]}");
        assertThat(updated.getString("owner")).isEqualTo("ann");
    }
}
