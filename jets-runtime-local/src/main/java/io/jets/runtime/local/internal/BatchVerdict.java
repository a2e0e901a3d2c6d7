package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * Reads an invocation's result as Lambda does: an error fails the batch; with ReportBatchItemFailures, a
 * response listing items means the batch succeeded up to (not including) the lowest listed sequence number,
 * and an empty, null or unknown identifier fails the whole batch. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html">partial batch
 * responses</a>.
 *
 * @param failedFrom index of the first record to retry; 0 = the whole batch; {@code records.size()} = success
 */
public record BatchVerdict(int failedFrom) {

    public boolean success(int batchSize) {
        return failedFrom >= batchSize;
    }

    public static BatchVerdict of(InvokeResult result, List<StreamRecord> records, boolean reportBatchItemFailures,
                                  ObjectMapper json) {
        if (!result.succeeded()) {
            return new BatchVerdict(0);
        }
        if (!reportBatchItemFailures || result.response().length == 0) {
            return new BatchVerdict(records.size());
        }
        JsonNode response;
        try {
            response = json.readTree(result.response());
        } catch (IOException e) {
            return new BatchVerdict(records.size()); // a response that is not JSON is ignored, as on Lambda
        }
        JsonNode failures = response == null ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull() || !failures.isArray() || failures.isEmpty()) {
            return new BatchVerdict(records.size());
        }
        int lowest = records.size();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || id.isNull() || id.asText().isEmpty()) {
                return new BatchVerdict(0);
            }
            int index = indexOf(records, id.asText());
            if (index < 0) {
                return new BatchVerdict(0);
            }
            lowest = Math.min(lowest, index);
        }
        return new BatchVerdict(lowest);
    }

    private static int indexOf(List<StreamRecord> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }
}
