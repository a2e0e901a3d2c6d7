package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;

/**
 * What a table's billing mode allows and requires of its capacity, with DynamoDB's errors: the table's read and
 * write units, and those of each global index.
 */
final class BillingRules {

    private BillingRules() {
    }

    /** Read and write capacity for a billing mode, with DynamoDB's errors for missing or forbidden values. */
    static long[] throughput(String billingMode, JsonNode provisioned) {
        boolean given = provisioned != null && !provisioned.isNull();
        if ("PAY_PER_REQUEST".equals(billingMode)) {
            if (given) {
                throw ApiException.validation("One or more parameter values were invalid: Neither"
                        + " ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (!given) {
            throw ApiException.validation("One or more parameter values were invalid: ReadCapacityUnits and"
                    + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        new Constraints().capacity("provisionedThroughput", provisioned).check();
        return new long[] {provisioned.path("ReadCapacityUnits").asLong(),
            provisioned.path("WriteCapacityUnits").asLong()};
    }

    /** A global index of a provisioned table has its own capacity; one of an on-demand table has none. */
    static void checkIndexThroughput(JsonNode index, String billingMode) {
        boolean given = index.hasNonNull("ProvisionedThroughput");
        String name = Json.text(index, "IndexName");
        if ("PAY_PER_REQUEST".equals(billingMode) && given) {
            throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput should"
                    + " not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!"PAY_PER_REQUEST".equals(billingMode) && !given) {
            throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput is not"
                    + " specified for index: " + name);
        }
    }
}
