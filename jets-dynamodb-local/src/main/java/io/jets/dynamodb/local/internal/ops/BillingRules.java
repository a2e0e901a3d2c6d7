package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions;
import java.util.List;
import java.util.Set;

/**
 * What a table's billing mode allows and requires of its capacity, with DynamoDB's errors: the table's read and
 * write units, and those of each global index; and what a switch of billing mode leaves behind.
 */
final class BillingRules {

    static final Set<String> BILLING_MODES = Set.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;

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

    /** Capacity units above a trillion are out of DynamoDB's bounds, the read units reported first. */
    static void checkCapacityBounds(JsonNode provisioned) {
        if (provisioned == null || provisioned.isNull()) {
            return;
        }
        for (String units : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            JsonNode value = provisioned.get(units);
            if (value != null && value.asLong() > MAX_CAPACITY_UNITS) {
                throw ApiException.validation("Given value " + value.asText() + " for " + units
                        + " is out of bounds");
            }
        }
    }

    /**
     * When the table last became PAY_PER_REQUEST, which DynamoDB keeps reporting after a switch back to PROVISIONED:
     * the time of a switch to on demand, or the creation of a table that was on demand from the start.
     */
    static TableOptions billingChanged(TableDefinition table, String mode, long now) {
        TableOptions options = table.options();
        if ("PAY_PER_REQUEST".equals(mode) && !"PAY_PER_REQUEST".equals(table.billingMode())) {
            return options.withPayPerRequestSince(now);
        }
        if ("PROVISIONED".equals(mode) && "PAY_PER_REQUEST".equals(table.billingMode())
                && options.payPerRequestMillis() == 0) {
            return options.withPayPerRequestSince(table.createdMillis());
        }
        return options;
    }

    static ApiException unchangedThroughput(TableDefinition table) {
        return ApiException.validation("The provisioned throughput for the table will not change. The requested"
                + " value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                + table.readCapacityUnits() + ". Requested ReadCapacityUnits: " + table.readCapacityUnits()
                + ". Current WriteCapacityUnits provisioned for the table: " + table.writeCapacityUnits()
                + ". Requested WriteCapacityUnits: " + table.writeCapacityUnits() + ". Refer to the Amazon DynamoDB"
                + " Developer Guide for current limits and how to request higher limits.");
    }
}
