package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.table.TableOptions;

/**
 * A table's OnDemandThroughput: the most read and write request units an on-demand table may use, given at
 * CreateTable and changed by UpdateTable one member at a time (-1 removes a ceiling), and reported by
 * DescribeTable once the table has one. Nothing is throttled here; the ceilings are kept and reported.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_OnDemandThroughput.html">
 *     OnDemandThroughput</a>
 */
final class OnDemandThroughput {

    private static final long NO_CEILING = -1;

    private OnDemandThroughput() {
    }

    /** The options with the ceilings a request gives; a member the request leaves out keeps its ceiling. */
    static TableOptions apply(JsonNode requested, TableOptions options) {
        if (requested == null || !requested.isObject()) {
            return options;
        }
        long read = requested.hasNonNull("MaxReadRequestUnits") ? requested.get("MaxReadRequestUnits").asLong()
                : options.maxReadRequestUnits();
        long write = requested.hasNonNull("MaxWriteRequestUnits") ? requested.get("MaxWriteRequestUnits").asLong()
                : options.maxWriteRequestUnits();
        return options.withOnDemandThroughput(read, write);
    }

    /** Adds the table's OnDemandThroughput to its description, once it has been given one. */
    static void describe(ObjectNode description, TableOptions options) {
        if (options.maxReadRequestUnits() == 0 && options.maxWriteRequestUnits() == 0) {
            return;
        }
        description.putObject("OnDemandThroughput")
                .put("MaxReadRequestUnits", ceiling(options.maxReadRequestUnits()))
                .put("MaxWriteRequestUnits", ceiling(options.maxWriteRequestUnits()));
    }

    private static long ceiling(long units) {
        return units == 0 ? NO_CEILING : units;
    }
}
