package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What CreateTable, DescribeTable and UpdateTable report about server-side encryption: nothing for the AWS owned
 * key, an SSEDescription naming the KMS key once one is chosen.
 */
class EncryptionConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static TableDescription create(String name, SSESpecification encryption) {
        return client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("invoice", ScalarAttributeType.S)).keySchema(hash("invoice"))
                .sseSpecification(encryption)).tableDescription();
    }

    @Test
    void enabledWithoutAKey_usesTheAwsManagedKmsKey_andDescribeTableKeepsReportingIt() {
        SSEDescription created = create("invoices-managed-key", SSESpecification.builder().enabled(true).build())
                .sseDescription();

        assertThat(created.status()).isEqualTo(SSEStatus.ENABLED);
        assertThat(created.sseType()).isEqualTo(SSEType.KMS);
        assertThat(created.kmsMasterKeyArn()).matches("arn:aws:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f-]{36}");
        assertThat(client.describeTable(b -> b.tableName("invoices-managed-key")).table().sseDescription())
                .isEqualTo(created);
    }

    @Test
    void enabledWithAKeyId_reportsThatKeysArn() {
        String keyId = "5f0c1e2d-7a3b-4c9d-8e6f-0a1b2c3d4e5f";

        SSEDescription created = create("invoices-own-key", SSESpecification.builder().enabled(true)
                .sseType(SSEType.KMS).kmsMasterKeyId(keyId).build()).sseDescription();

        assertThat(created.kmsMasterKeyArn()).matches("arn:aws:kms:[a-z0-9-]+:\\d{12}:key/" + keyId);
    }

    @Test
    void disabled_keepsTheAwsOwnedKey_andReportsNoDescription() {
        assertThat(create("invoices-owned-key", SSESpecification.builder().enabled(false).build())
                .sseDescription()).isNull();
        assertThat(client.describeTable(b -> b.tableName("invoices-owned-key")).table().sseDescription())
                .isNull();
    }

    @Test
    void updateTable_leavingEncryptionAlone_keepsReportingTheKeyAsEnabled() {
        SSEDescription created = create("invoices-kept-key", SSESpecification.builder().enabled(true).build())
                .sseDescription();

        SSEDescription afterUpdate = client.updateTable(b -> b.tableName("invoices-kept-key")
                .deletionProtectionEnabled(true)).tableDescription().sseDescription();

        assertThat(afterUpdate).isEqualTo(created);
        client.updateTable(b -> b.tableName("invoices-kept-key").deletionProtectionEnabled(false));
    }

    @Test
    void updateTable_disablingKms_answersUpdatingWithTheKeyBeingLeft_thenReportsNoDescription() {
        String managedKey = create("invoices-leaving-kms", SSESpecification.builder().enabled(true).build())
                .sseDescription().kmsMasterKeyArn();

        SSEDescription updating = client.updateTable(b -> b.tableName("invoices-leaving-kms")
                .sseSpecification(s -> s.enabled(false))).tableDescription().sseDescription();

        assertThat(updating.status()).isEqualTo(SSEStatus.UPDATING);
        assertThat(updating.sseType()).isEqualTo(SSEType.KMS);
        assertThat(updating.kmsMasterKeyArn()).isEqualTo(managedKey);
        assertThat(client.describeTable(b -> b.tableName("invoices-leaving-kms")).table().sseDescription())
                .isNull();
    }

    @Test
    void sseTypeAes256_isRefusedAsUnsupported_andAnUnknownType_asOutsideTheEnum() {
        assertValidation(() -> create("invoices-aes", SSESpecification.builder().enabled(true)
                        .sseType(SSEType.AES256).build()),
                "One or more parameter values were invalid: SSEType AES256 is not supported");
        assertValidation(() -> create("invoices-aes-dash", SSESpecification.builder().enabled(true)
                        .sseType("AES-256").build()),
                "1 validation error detected: Value 'AES-256' at 'sSESpecification.sSEType' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [AES256, KMS]");
        create("invoices-plain", SSESpecification.builder().enabled(false).build());
        assertValidation(() -> client.updateTable(b -> b.tableName("invoices-plain")
                        .sseSpecification(e -> e.enabled(true).sseType(SSEType.AES256))),
                "One or more parameter values were invalid: SSEType AES256 is not supported");

        assertThat(client.listTables().tableNames()).doesNotContain("invoices-aes", "invoices-aes-dash");
        assertThat(client.describeTable(b -> b.tableName("invoices-plain")).table().sseDescription()).isNull();
    }

    @Test
    void createTable_refusesATypeOrKeyWhenDisabled_andAKeyWithoutTheKmsType() {
        assertValidation(() -> create("invoices-off-typed", SSESpecification.builder().enabled(false)
                        .sseType(SSEType.KMS).build()),
                "One or more parameter values were invalid: SSEType can not be specified if Enabled is false");
        assertValidation(() -> create("invoices-off-keyed", SSESpecification.builder().enabled(false)
                        .kmsMasterKeyId("alias/ledger").build()),
                "One or more parameter values were invalid: KMSMasterKeyId can not be specified if Enabled is false");
        assertValidation(() -> create("invoices-untyped-key", SSESpecification.builder().enabled(true)
                        .kmsMasterKeyId("alias/ledger").build()),
                "One or more parameter values were invalid: SSEType KMS is required if KMSMasterKeyId is specified");

        assertThat(client.listTables().tableNames())
                .doesNotContain("invoices-off-typed", "invoices-off-keyed", "invoices-untyped-key");
    }

    @Test
    void updateTable_refusesAskingForTheKeyTheTableAlreadyHas_orEncryptionWithOtherChanges() {
        create("invoices-owned", SSESpecification.builder().enabled(false).build());
        String keyArn = create("invoices-kms", SSESpecification.builder().enabled(true).build()).sseDescription()
                .kmsMasterKeyArn();

        assertValidation(() -> client.updateTable(b -> b.tableName("invoices-owned")
                        .sseSpecification(e -> e.enabled(false))),
                "One or more parameter values were invalid: Table is already encrypted by default");
        assertValidation(() -> client.updateTable(b -> b.tableName("invoices-kms")
                        .sseSpecification(e -> e.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(keyArn))),
                "One or more parameter values were invalid: Table is already encrypted with given KMSMasterKeyId."
                        + " Use KMSMasterKeyId parameter if you want to change Master Key");
        assertValidation(() -> client.updateTable(b -> b.tableName("invoices-owned")
                        .sseSpecification(e -> e.enabled(true)).deletionProtectionEnabled(true)),
                "One or more parameter values were invalid: Server-Side Encryption modification must be the only"
                        + " operation in the request");

        assertThat(client.describeTable(b -> b.tableName("invoices-owned")).table().sseDescription()).isNull();
        assertThat(client.describeTable(b -> b.tableName("invoices-owned")).table().deletionProtectionEnabled())
                .isFalse();
    }
}
