package io.jets.runtime.local.internal;

import io.jets.core.LocalContext;
import io.jets.runtime.local.LambdaErrorDocument;
import io.jets.runtime.local.logs.FunctionLogWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Invokes a function once, in process, the way Lambda runs it: on its own thread with the function's timeout
 * (the thread is interrupted when it runs over), output captured to the function's log between
 * {@code START}/{@code END}/{@code REPORT} lines, and an unhandled exception logged as Lambda's JSON error.
 * Whatever the handler does (throw, loop, run out of memory), the caller gets a result, never the exception.
 */
public final class Invoker {

    private static final long TIMEOUT_GRACE_MILLIS = 200;

    private final FunctionSettings settings;
    private final FunctionLogWriter log;
    private final OutputRouter router;

    public Invoker(FunctionSettings settings, FunctionLogWriter log, OutputRouter router) {
        this.settings = settings;
        this.log = log;
        this.router = router;
    }

    public FunctionSettings settings() {
        return settings;
    }

    /** Runs the function with {@code event}; {@code region} and {@code account} form its ARN. */
    public InvokeResult invoke(DispatcherPool pool, byte[] event, String region, String account) {
        String requestId = UUID.randomUUID().toString();
        DispatcherPool.Container container;
        try {
            container = pool.acquire();
        } catch (RuntimeException | LinkageError e) {
            // The application failed to initialise (Lambda's init error): a function error like any other.
            log.write(LambdaErrorDocument.of(e));
            return new InvokeResult(requestId, InvokeResult.Outcome.ERROR, null, e.getClass().getName(),
                    e.getMessage());
        }
        log.write("START RequestId: " + requestId + " Version: " + LocalContext.FUNCTION_VERSION);
        long start = System.nanoTime();
        // The deadline runs on the system clock, not the runtime's: a test's fixed Clock must not stop it.
        Clock clock = Clock.systemUTC();
        LocalContext context = new LocalContext(settings.physicalName(), requestId,
                clock.instant().plus(settings.timeout()), clock, settings.memorySize(), settings.logGroupName(),
                container.logStreamName(),
                "arn:aws:lambda:" + region + ":" + account + ":function:" + settings.physicalName(),
                new FunctionLogger(log));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            router.routeTo(log);
            try {
                container.dispatcher().invoke(settings.name(), new ByteArrayInputStream(event), response, context);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                router.endRoute();
            }
        }, "jets-" + settings.name() + "-" + requestId.substring(0, 8));
        worker.setDaemon(true);
        worker.start();
        boolean finished = join(worker, settings.timeout().toMillis());
        InvokeResult result;
        if (!finished && Thread.currentThread().isInterrupted()) {
            // The runtime is stopping (close or hot reload): the invocation is abandoned, not failed; its
            // batch was not checkpointed and is delivered again on the next start.
            worker.interrupt();
            log.write(requestId + " Invocation abandoned: the local runtime is stopping");
            result = new InvokeResult(requestId, InvokeResult.Outcome.ERROR, null, "Runtime.Stopping",
                    "the local runtime is stopping");
        } else if (!finished) {
            worker.interrupt();
            if (!join(worker, TIMEOUT_GRACE_MILLIS)) {
                terminate(worker);
            }
            String message = String.format(Locale.ROOT, "Task timed out after %.2f seconds",
                    settings.timeout().toMillis() / 1000.0);
            log.write(requestId + " " + message);
            result = new InvokeResult(requestId, InvokeResult.Outcome.TIMEOUT, null, "Task.TimedOut", message);
        } else if (failure.get() != null) {
            Throwable error = failure.get();
            log.write(LambdaErrorDocument.of(error));
            if (!(error instanceof VirtualMachineError)) {
                pool.release(container);
            }
            result = new InvokeResult(requestId, InvokeResult.Outcome.ERROR, null, error.getClass().getName(),
                    error.getMessage());
        } else {
            pool.release(container);
            result = new InvokeResult(requestId, InvokeResult.Outcome.SUCCESS, response.toByteArray(), null, null);
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        log.write("END RequestId: " + requestId);
        // written out by hand: a batch of a few records is invoked thousands of times a second, and
        // String.format cost more than the rest of the bookkeeping
        StringBuilder report = new StringBuilder(160).append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ");
        hundredths(report, millis).append(" ms\tBilled Duration: ").append((long) Math.ceil(millis))
                .append(" ms\tMemory Size: ").append(settings.memorySize()).append(" MB\tMax Memory Used: ")
                .append(usedMemoryMb()).append(" MB");
        if (container.initNanos() != 0) {
            hundredths(report.append("\tInit Duration: "), container.initNanos() / 1_000_000.0).append(" ms");
        }
        log.write(report.toString());
        return result;
    }

    /** {@code value} rounded half up to two decimals, as {@code %.2f} writes a non-negative number. */
    static StringBuilder hundredths(StringBuilder out, double value) {
        long scaled = java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
                .unscaledValue().longValueExact();
        long cents = scaled % 100;
        return out.append(scaled / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
    }

    /**
     * Lambda ends the execution environment of a function that runs past its timeout. A handler thread that
     * ignores the interrupt (a runaway loop) would otherwise burn a core of the developer's machine for good,
     * so it is stopped the only way the JVM offers.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void terminate(Thread worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException e) {
            // Newer JVMs cannot stop a thread: it stays a daemon and dies with the process.
        }
    }

    private static boolean join(Thread thread, long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static long usedMemoryMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
