package io.jets.runtime.local.internal;

import java.util.ArrayList;
import java.util.List;

/** Cuts records into batches as Lambda does: at most BatchSize records and at most 6 MB of event payload. */
public final class Batches {

    /** {@code {"Records":[]}} */
    private static final int ENVELOPE_BYTES = 14;

    private Batches() {
    }

    public static List<List<StreamRecord>> split(List<StreamRecord> records, int batchSize) {
        List<List<StreamRecord>> batches = new ArrayList<>();
        List<StreamRecord> current = new ArrayList<>();
        long bytes = ENVELOPE_BYTES;
        for (StreamRecord record : records) {
            boolean full = current.size() >= batchSize
                    || bytes + record.payloadBytes() > EventPayload.MAX_PAYLOAD_BYTES;
            if (full && !current.isEmpty()) {
                batches.add(List.copyOf(current));
                current.clear();
                bytes = ENVELOPE_BYTES;
            }
            current.add(record);
            bytes += record.payloadBytes();
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }
}
