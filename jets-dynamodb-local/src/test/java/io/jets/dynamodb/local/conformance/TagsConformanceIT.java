package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** The tagging rules of TagResource, UntagResource and CreateTable, with DynamoDB's messages. */
class TagsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static String create(String name) {
        return Attributes.idTable(client, name);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<Tag> numbered(int from, int to) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < to; i++) {
            tags.add(tag("cost-center-" + i, "team " + i));
        }
        return tags;
    }

    @Test
    void tagResource_refusesBadKeysAndValues_withDynamoDbsMessages() {
        String arn = create("tags-rules");

        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("owner!", "payments"))),
                "The Tag Key provided is invalid, Key: owner!");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("owner", "50%"))),
                "The Tag Value provided is invalid, Value: 50%");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("aws:owner", "payments"))),
                "Tag Key cannot be prefixed with aws:, Key: aws:owner");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("", "payments"))),
                "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member"
                        + " must have length greater than or equal to 1");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(tag("k".repeat(129), "v"))),
                "1 validation error detected: Value '" + "k".repeat(129) + "' at 'tags.1.member.key' failed to"
                        + " satisfy constraint: Member must have length less than or equal to 128");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("owner").build())),
                "1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy constraint:"
                        + " Member must not be null");
        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(List.of())),
                "Atleast one Tag needs to be provided as Input.");

        client.tagResource(b -> b.resourceArn(arn).tags(tag("owner", ""), tag("k".repeat(128), "team payments")));
        assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactlyInAnyOrder(tag("owner", ""), tag("k".repeat(128), "team payments"));
    }

    @Test
    void tags_beyondFiftyPerTable_areRefused_atTagResourceAndCreateTable() {
        String arn = create("tags-limit");
        client.tagResource(b -> b.resourceArn(arn).tags(numbered(0, 30)));
        client.tagResource(b -> b.resourceArn(arn).tags(numbered(20, 50)));

        assertValidation(() -> client.tagResource(b -> b.resourceArn(arn).tags(numbered(50, 51))),
                "Number of Tags exceed the current limit for the provided ResourceArn");
        assertValidation(() -> client.createTable(b -> b.tableName("tags-too-many")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .tags(numbered(0, 51))), "Number of Tags exceed the current limit for the provided ResourceArn");
        assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags()).hasSize(50);
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("tags-too-many")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagResource_onAnIndexArn_orAnythingButAnArn_isAValidationError() {
        var table = client.createTable(b -> b.tableName("tags-indexed").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("at", ScalarAttributeType.S))
                .keySchema(hash("id"), range("at"))
                .globalSecondaryIndexes(i -> i.indexName("by-at").keySchema(hash("at"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))
                .tableDescription();
        String indexArn = table.globalSecondaryIndexes().get(0).indexArn();

        assertValidation(() -> client.listTagsOfResource(b -> b.resourceArn(indexArn)),
                "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is"
                        + " accepted. Provided resource arn: " + indexArn);
        assertValidation(() -> client.tagResource(b -> b.resourceArn("orders").tags(tag("owner", "payments"))),
                "One or more parameter values were invalid: ARNs must start with 'arn:': orders");
        assertValidation(() -> client.untagResource(b -> b.resourceArn(table.tableArn()).tagKeys(List.of())),
                "Atleast one Tag Key needs to be provided as Input.");
    }

    @Test
    void listTagsOfResource_aTableArnWhoseNameIsUnderThreeCharacters_isAnInvalidTableArn() {
        String arn = create("tags-short-name");
        String shortArn = arn.substring(0, arn.lastIndexOf('/') + 1) + "ab";

        assertValidation(() -> client.listTagsOfResource(b -> b.resourceArn(shortArn)),
                "Invalid TableArn: Invalid ResourceArn provided as input " + shortArn);
        assertValidation(() -> client.tagResource(b -> b.resourceArn(shortArn).tags(tag("owner", "payments"))),
                "Invalid TableArn: Invalid ResourceArn provided as input " + shortArn);
    }
}
