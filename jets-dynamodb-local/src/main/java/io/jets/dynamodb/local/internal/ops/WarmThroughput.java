package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions;

/**
 * Warm throughput as DynamoDB reports it: what a table can serve at once. An on-demand table starts at 12,000
 * reads and 4,000 writes a second, a provisioned one at its capacity; the value only ever rises, with the capacity
 * provisioned, a switch to on demand or a WarmThroughput asked for at CreateTable or UpdateTable, and a request
 * below it is refused. Nothing is throttled here, so the values are only reported.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html">
 *     DynamoDB warm throughput</a>
 */
final class WarmThroughput {

    static final long ON_DEMAND_READ_UNITS = 12_000;
    static final long ON_DEMAND_WRITE_UNITS = 4_000;
    private static final String INITIAL_ON_DEMAND = "initial throughput for OnDemand. See:"
            + " https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html"
            + "#on-demand-capacity-mode-initial";

    private WarmThroughput() {
    }

    /** What a billing mode and capacity give a table or index by themselves. */
    static long[] base(String billingMode, long readCapacityUnits, long writeCapacityUnits) {
        return "PAY_PER_REQUEST".equals(billingMode)
                ? new long[] {ON_DEMAND_READ_UNITS, ON_DEMAND_WRITE_UNITS}
                : new long[] {readCapacityUnits, writeCapacityUnits};
    }

    /** The table's warm throughput: the highest it reached, and at least what its billing gives it. */
    static long[] of(TableDefinition table) {
        long[] base = base(table.billingMode(), table.readCapacityUnits(), table.writeCapacityUnits());
        TableOptions options = table.options();
        return new long[] {Math.max(base[0], options.warmReadUnits()), Math.max(base[1], options.warmWriteUnits())};
    }

    /** A global index's warm throughput: the highest it reached, and at least what its billing gives it. */
    static long[] of(TableDefinition table, TableDefinition.IndexDefinition index) {
        long[] base = base(table.billingMode(), index.readCapacityUnits(), index.writeCapacityUnits());
        return new long[] {Math.max(base[0], index.warmReadUnits()), Math.max(base[1], index.warmWriteUnits())};
    }

    static ObjectNode description(long[] units, String status) {
        ObjectNode description = Json.object();
        description.put("ReadUnitsPerSecond", units[0]);
        description.put("WriteUnitsPerSecond", units[1]);
        description.put("Status", status);
        return description;
    }

    /**
     * The warm throughput a CreateTable asks for, checked against the capacity the table starts with, as options;
     * {@code options} unchanged when none is asked for.
     */
    static TableOptions atCreate(JsonNode requested, String billingMode, long[] throughput, TableOptions options) {
        if (requested == null || requested.isNull()) {
            return options;
        }
        long[] base = base(billingMode, throughput[0], throughput[1]);
        String[] units = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
        String[] capacities = {"ReadCapacityUnits", "WriteCapacityUnits"};
        for (int i = 0; i < 2; i++) {
            if (requested.hasNonNull(units[i]) && requested.get(units[i]).asLong() < base[i]) {
                throw ApiException.validation("One or more parameter values were invalid: Requested " + units[i]
                        + " for WarmThroughput for table is lower than " + ("PAY_PER_REQUEST".equals(billingMode)
                        ? INITIAL_ON_DEMAND : capacities[i] + " of ProvisionedThroughput"));
            }
        }
        return options.withWarmThroughput(requested.path(units[0]).asLong(0), requested.path(units[1]).asLong(0));
    }

    /** Refuses a warm throughput asked for an on-demand global index below what such an index starts with. */
    static void checkIndexAtCreate(JsonNode requested, String indexName) {
        String[] units = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
        long[] initial = {ON_DEMAND_READ_UNITS, ON_DEMAND_WRITE_UNITS};
        for (int i = 0; i < 2; i++) {
            if (requested.hasNonNull(units[i]) && requested.get(units[i]).asLong() < initial[i]) {
                throw ApiException.validation("One or more parameter values were invalid: Requested " + units[i]
                        + " for WarmThroughput for index " + indexName + " is lower than " + INITIAL_ON_DEMAND);
            }
        }
    }

    /**
     * The options after UpdateTable asks for {@code requested}: a unit left out keeps its value, and a unit below
     * the current one is refused, as DynamoDB never lowers warm throughput.
     */
    static TableOptions raise(JsonNode requested, long[] current, TableOptions options) {
        long[] raised = raised(requested, current, "table");
        return options.withWarmThroughput(raised[0], raised[1]);
    }

    /**
     * The units after {@code requested} raises {@code current} warm throughput of the table or index named by
     * {@code subject} ("table", "index NAME"): a unit left out keeps its value, a lower one is refused.
     */
    static long[] raised(JsonNode requested, long[] current, String subject) {
        String[] units = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
        long[] raised = current.clone();
        for (int i = 0; i < 2; i++) {
            if (requested.hasNonNull(units[i])) {
                long value = requested.get(units[i]).asLong();
                if (value < current[i]) {
                    throw ApiException.validation("One or more parameter values were invalid: Requested " + units[i]
                            + " for WarmThroughput for " + subject + " is lower than current WarmThroughput,"
                            + " decreasing WarmThroughput is not supported");
                }
                raised[i] = value;
            }
        }
        return raised;
    }
}
