package io.jets.runtime.local.internal;

import java.util.List;

/** Receives a batch Lambda gives up on, to write the on-failure record to the mapping's destination. */
@FunctionalInterface
public interface FailureSink {

    /**
     * @param records     the discarded records, in order
     * @param condition   {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded}
     * @param invokeCount how often the records were sent to the function
     * @param lastResult  the last invocation's result, null when the records were never sent
     */
    void discarded(List<StreamRecord> records, String condition, int invokeCount, InvokeResult lastResult);
}
