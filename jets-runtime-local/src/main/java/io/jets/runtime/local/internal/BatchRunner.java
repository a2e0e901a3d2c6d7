package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sees one batch through to the end with Lambda's error handling: a failed batch is retried whole, blocking the
 * shard, until it succeeds, its retries are exhausted or its records are too old; then the on-failure record is
 * sent and processing goes on. Bisect splits a failed batch in two without using up retries; a partial batch
 * response moves on to the lowest reported record, where a new batch with its own retries begins. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html">error handling</a>.
 */
public final class BatchRunner {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final BatchPolicy policy;
    private final Function<List<StreamRecord>, InvokeResult> function;
    private final FailureSink failures;
    private final Clock clock;
    private final BooleanSupplier stopped;
    private final ObjectMapper json;
    private final Consumer<String> errors;

    /** A part of the batch still to be handled, with the failures and invocations it has had. */
    private record Part(List<StreamRecord> records, int failures, int invokes, InvokeResult last) {
    }

    /**
     * @param function runs the function on some records
     * @param errors   told each failure's one-line error, for the mapping's status
     * @param stopped  true once the runtime closes: the batch is left unhandled (and not checkpointed)
     */
    public BatchRunner(BatchPolicy policy, Function<List<StreamRecord>, InvokeResult> function,
                       FailureSink failures, Clock clock, BooleanSupplier stopped, ObjectMapper json,
                       Consumer<String> errors) {
        this.policy = policy;
        this.function = function;
        this.failures = failures;
        this.clock = clock;
        this.stopped = stopped;
        this.json = json;
        this.errors = errors;
    }

    /**
     * Handles {@code batch}; {@code handled} is told each record up to which everything is done, in order.
     * Returns false when stopped before the end.
     */
    public boolean run(List<StreamRecord> batch, Consumer<StreamRecord> handled) {
        Deque<Part> parts = new ArrayDeque<>();
        parts.add(new Part(List.copyOf(batch), 0, 0, null));
        while (!parts.isEmpty()) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            Part part = parts.pollFirst();
            List<StreamRecord> expired = expiredPrefix(part.records());
            if (!expired.isEmpty()) {
                failures.discarded(expired, FailureWriter.RECORD_AGE_EXCEEDED, part.invokes(), part.last());
                handled.accept(expired.get(expired.size() - 1));
                if (expired.size() < part.records().size()) {
                    parts.addFirst(new Part(part.records().subList(expired.size(), part.records().size()),
                            part.failures(), part.invokes(), part.last()));
                }
                continue;
            }
            InvokeResult result = function.apply(part.records());
            int invokes = part.invokes() + 1;
            BatchVerdict verdict = BatchVerdict.of(result, part.records(), policy.reportBatchItemFailures(), json);
            if (verdict.success(part.records().size())) {
                handled.accept(part.records().get(part.records().size() - 1));
                continue;
            }
            if (stopped.getAsBoolean()) {
                return false;
            }
            errors.accept(result.succeeded() ? "batch item failure reported" : result.error());
            int from = verdict.failedFrom();
            if (from > 0) {
                handled.accept(part.records().get(from - 1));
            }
            List<StreamRecord> rest = part.records().subList(from, part.records().size());
            if (from > 0) {
                // The checkpoint moved to the lowest reported record: what follows is a new batch, with retries
                // and an invoke count of its own. Lambda was seen to deliver a reported record once in its batch
                // and then MaximumRetryAttempts + 1 times alone, the on-failure record counting only the latter.
                parts.addFirst(new Part(rest, 0, 0, result));
            } else if (policy.bisectOnError() && rest.size() > 1) {
                int half = rest.size() / 2;
                parts.addFirst(new Part(rest.subList(half, rest.size()), part.failures(), invokes, result));
                parts.addFirst(new Part(rest.subList(0, half), part.failures(), invokes, result));
            } else if (policy.exhausted(part.failures() + 1)) {
                failures.discarded(rest, "RetryAttemptsExhausted", invokes, result);
                handled.accept(rest.get(rest.size() - 1));
            } else {
                backoff(part.failures());
                parts.addFirst(new Part(rest, part.failures() + 1, invokes, result));
            }
        }
        return true;
    }

    private List<StreamRecord> expiredPrefix(List<StreamRecord> records) {
        if (policy.maximumRecordAgeSeconds() < 0) {
            return List.of();
        }
        var oldest = clock.instant().minusSeconds(policy.maximumRecordAgeSeconds());
        int count = 0;
        while (count < records.size() && records.get(count).created().isBefore(oldest)) {
            count++;
        }
        return records.subList(0, count);
    }

    private void backoff(int failures) {
        long millis = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures, 10));
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!stopped.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(20, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
