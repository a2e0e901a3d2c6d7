package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsSummary;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/** UpdateContributorInsights, DescribeContributorInsights and ListContributorInsights as DynamoDB answers them. */
class ContributorInsightsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static void ordersTable(String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("customer", ScalarAttributeType.S),
                        attribute("placed", ScalarAttributeType.S), attribute("status", ScalarAttributeType.S))
                .keySchema(hash("customer"), range("placed"))
                .globalSecondaryIndexes(g -> g.indexName("by-status").keySchema(hash("status"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    }

    private static UpdateContributorInsightsResponse enable(String table, String index, ContributorInsightsMode mode) {
        return client.updateContributorInsights(b -> b.tableName(table).indexName(index)
                .contributorInsightsAction(ContributorInsightsAction.ENABLE).contributorInsightsMode(mode));
    }

    private static List<String> ruleKinds(DescribeContributorInsightsResponse described, String resource) {
        return described.contributorInsightsRuleList().stream()
                .map(rule -> rule.replaceAll("^DynamoDBContributorInsights-([A-Z]{3})-" + resource + "-\\d{13}$",
                        "$1"))
                .toList();
    }

    @Test
    void describeContributorInsights_ofANewTable_isDisabled() {
        Attributes.idTable(client, "insights-new");

        DescribeContributorInsightsResponse described =
                client.describeContributorInsights(b -> b.tableName("insights-new"));

        assertThat(described.tableName()).isEqualTo("insights-new");
        assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(described.hasContributorInsightsRuleList()).isFalse();
        assertThat(client.listContributorInsights(b -> b.tableName("insights-new")).contributorInsightsSummaries())
                .isEmpty();
    }

    @Test
    void enabling_answersEnabling_thenDescribesTheRulesAndListsTheTable() {
        ordersTable("insights-orders");

        UpdateContributorInsightsResponse updated = enable("insights-orders", null, null);
        DescribeContributorInsightsResponse described =
                client.describeContributorInsights(b -> b.tableName("insights-orders"));

        assertThat(updated.tableName()).isEqualTo("insights-orders");
        assertThat(updated.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
        assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(described.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
        assertThat(described.lastUpdateDateTime()).isNotNull();
        assertThat(ruleKinds(described, "insights-orders")).containsExactly("PKC", "SKC", "PKT", "SKT");
        assertThat(client.listContributorInsights(b -> b.tableName("insights-orders")).contributorInsightsSummaries())
                .containsExactly(ContributorInsightsSummary.builder().tableName("insights-orders")
                        .contributorInsightsStatus(ContributorInsightsStatus.ENABLED)
                        .contributorInsightsMode(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS).build());
    }

    @Test
    void throttledKeysMode_keepsOnlyTheThrottledRules_andEnablingWithoutAModeRevertsToTheDefault() {
        Attributes.idTable(client, "insights-modes");
        enable("insights-modes", null, null);

        UpdateContributorInsightsResponse sameMode =
                enable("insights-modes", null, ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
        UpdateContributorInsightsResponse throttled =
                enable("insights-modes", null, ContributorInsightsMode.THROTTLED_KEYS);
        DescribeContributorInsightsResponse narrowed =
                client.describeContributorInsights(b -> b.tableName("insights-modes"));
        enable("insights-modes", null, null);

        assertThat(sameMode.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(throttled.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
        assertThat(ruleKinds(narrowed, "insights-modes")).containsExactly("PKT");
        assertThat(client.describeContributorInsights(b -> b.tableName("insights-modes")).contributorInsightsMode())
                .isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
    }

    @Test
    void anIndexHasASettingOfItsOwn_andDisablingAnswersDisabling() {
        ordersTable("insights-index");
        enable("insights-index", "by-status", null);

        DescribeContributorInsightsResponse index = client.describeContributorInsights(b -> b
                .tableName("insights-index").indexName("by-status"));
        DescribeContributorInsightsResponse table =
                client.describeContributorInsights(b -> b.tableName("insights-index"));
        UpdateContributorInsightsResponse disabled = client.updateContributorInsights(b -> b
                .tableName("insights-index").indexName("by-status")
                .contributorInsightsAction(ContributorInsightsAction.DISABLE));

        assertThat(index.indexName()).isEqualTo("by-status");
        assertThat(index.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(ruleKinds(index, "insights-index-by-status")).containsExactly("PKC", "PKT");
        assertThat(table.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(disabled.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLING);
        assertThat(client.describeContributorInsights(b -> b.tableName("insights-index").indexName("by-status"))
                .contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    }

    @Test
    void aTablesSetting_goesWithTheTable() {
        Attributes.idTable(client, "insights-deleted");
        enable("insights-deleted", null, null);

        client.deleteTable(b -> b.tableName("insights-deleted"));

        assertThatThrownBy(() -> client.describeContributorInsights(b -> b.tableName("insights-deleted")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: insights-deleted not found");
        Attributes.idTable(client, "insights-deleted");
        assertThat(client.describeContributorInsights(b -> b.tableName("insights-deleted"))
                .contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    }

    @Test
    void updateContributorInsights_refusesAnUnknownAction() {
        Attributes.idTable(client, "insights-action");

        assertValidation(() -> client.updateContributorInsights(b -> b.tableName("insights-action")
                        .contributorInsightsAction("PAUSE")),
                "1 validation error detected: Value 'PAUSE' at 'contributorInsightsAction' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ENABLE, DISABLE]");
    }
}
