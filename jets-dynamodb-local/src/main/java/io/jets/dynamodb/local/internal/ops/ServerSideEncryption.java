package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.Partitions;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Server-side encryption as DynamoDB reports it: a table encrypted with the AWS owned key has no SSEDescription;
 * {@code SSESpecification {Enabled: true}} switches it to a KMS key, the account's AWS managed key
 * ({@code alias/aws/dynamodb}) unless {@code KMSMasterKeyId} names another one. Nothing is encrypted here.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.howitworks.html">
 *     DynamoDB encryption at rest</a>
 */
final class ServerSideEncryption {

    private ServerSideEncryption() {
    }

    /**
     * Adds the enum check of a specification's SSEType, {@code member} being how DynamoDB names the specification
     * in its messages ({@code sSESpecification}, {@code sSESpecificationOverride}).
     */
    static Constraints checkType(Constraints constraints, String member, JsonNode specification) {
        return constraints.oneOf(member + ".sSEType", specification == null ? null : specification.get("SSEType"),
                java.util.Set.of("AES256", "KMS"), "[AES256, KMS]");
    }

    /** AES256 is a valid SSEType that DynamoDB no longer accepts: only KMS keys are chosen by a specification. */
    static void requireSupportedType(JsonNode specification) {
        if (specification != null && "AES256".equals(Json.text(specification, "SSEType"))) {
            throw invalid("SSEType AES256 is not supported");
        }
    }

    /**
     * The rules of a CreateTable or UpdateTable specification: a disabled one names neither a type nor a key, the
     * type is KMS, and a key is named only with the type KMS.
     */
    static void checkSpecification(JsonNode specification) {
        if (specification == null || specification.isNull()) {
            return;
        }
        boolean disabled = specification.hasNonNull("Enabled") && !specification.get("Enabled").asBoolean();
        if (disabled && specification.hasNonNull("SSEType")) {
            throw invalid("SSEType can not be specified if Enabled is false");
        }
        if (disabled && specification.hasNonNull("KMSMasterKeyId")) {
            throw invalid("KMSMasterKeyId can not be specified if Enabled is false");
        }
        requireSupportedType(specification);
        if (specification.hasNonNull("KMSMasterKeyId") && !specification.hasNonNull("SSEType")) {
            throw invalid("SSEType KMS is required if KMSMasterKeyId is specified");
        }
    }

    /**
     * The UpdateTable rules that depend on the table's key ({@code currentKeyArn}, null for the AWS owned key):
     * asking for the key the table already has is refused rather than ignored.
     */
    static void checkChange(JsonNode specification, String currentKeyArn, String region) {
        String requested = keyArn(specification, region);
        if (requested == null && currentKeyArn == null) {
            throw invalid("Table is already encrypted by default");
        }
        if (requested != null && requested.equals(currentKeyArn) && specification.hasNonNull("KMSMasterKeyId")) {
            throw invalid("Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you"
                    + " want to change Master Key");
        }
    }

    private static ApiException invalid(String problem) {
        return ApiException.validation("One or more parameter values were invalid: " + problem);
    }

    /** The KMS key a specification asks for, null when it keeps (or returns to) the AWS owned key. */
    static String keyArn(JsonNode specification, String region) {
        if (specification == null || !specification.path("Enabled").asBoolean(false)) {
            return null;
        }
        String keyId = Json.text(specification, "KMSMasterKeyId");
        String prefix = Partitions.arnPrefix("kms", region) + RequestContext.ACCOUNT + ":";
        if (keyId == null) {
            // one AWS managed key per account and region, so every table names the same one
            byte[] seed = (RequestContext.ACCOUNT + "/" + region + "/alias/aws/dynamodb")
                    .getBytes(StandardCharsets.UTF_8);
            return prefix + "key/" + UUID.nameUUIDFromBytes(seed);
        }
        if (keyId.startsWith("arn:")) {
            return keyId;
        }
        return prefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
    }

    static ObjectNode description(String keyArn, String status) {
        ObjectNode description = Json.object();
        description.put("Status", status);
        description.put("SSEType", "KMS");
        description.put("KMSMasterKeyArn", keyArn);
        return description;
    }
}
