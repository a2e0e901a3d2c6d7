package io.jets.runtime.local.internal;

import io.jets.core.index.TriggerDefinition;

/**
 * The error-handling properties of a mapping: what {@link BatchRunner} does when a batch fails.
 *
 * @param bisectOnError            BisectBatchOnFunctionError
 * @param maximumRetryAttempts     -1 for infinite
 * @param maximumRecordAgeSeconds  -1 for infinite
 * @param reportBatchItemFailures  FunctionResponseTypes contains ReportBatchItemFailures
 */
public record BatchPolicy(boolean bisectOnError, int maximumRetryAttempts, int maximumRecordAgeSeconds,
                          boolean reportBatchItemFailures) {

    public static BatchPolicy of(TriggerDefinition trigger) {
        return new BatchPolicy(trigger.bisectBatchOnFunctionError(), trigger.maximumRetryAttempts(),
                trigger.maximumRecordAgeInSeconds(), trigger.reportBatchItemFailures());
    }

    /** Whether {@code failures} failed attempts use up the retries. */
    public boolean exhausted(int failures) {
        return maximumRetryAttempts >= 0 && failures > maximumRetryAttempts;
    }
}
