package io.jets.runtime.local.internal;

import io.jets.core.FunctionDispatcher;
import io.jets.core.LocalContext;
import io.jets.runtime.local.LambdaErrorDocument;
import io.jets.runtime.local.LambdaLogLines;
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
 *
 * <p>The first invocation of a function in a container runs Lambda's Init phase before {@code START}: the handler
 * class is loaded, statically initialised and constructed ({@link FunctionDispatcher#prepare}), its
 * output goes to the log, and its time is reported as {@code Init Duration}, not in {@code Duration}. A failed init
 * is logged as that invocation's error and the container is discarded, as Lambda discards an environment whose
 * Init failed: the next invocation initialises in a new one. Here the init may take the function's timeout; Lambda
 * allows it 10 seconds, then retries it within the invocation.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html">Lambda execution
 *     environment lifecycle</a>
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
            container = pool.acquire(settings.name());
        } catch (RuntimeException | LinkageError e) {
            // The application failed to initialise (Lambda's init error): a function error like any other.
            log.write(LambdaErrorDocument.of(e));
            return new InvokeResult(requestId, InvokeResult.Outcome.ERROR, null, e.getClass().getName(),
                    e.getMessage());
        }
        FunctionDispatcher dispatcher = container.dispatcher();
        // Lambda's Init phase: the first invocation of a function in an environment loads its handler class, runs
        // its static initialisers and constructs it before START, and reports that time as Init Duration only.
        // A container is initialised by its first invocation, or discarded when that fails.
        long initNanos = 0;
        Phase phase = null;
        if (!container.initialised()) {
            long initStart = System.nanoTime();
            phase = run(() -> dispatcher.prepare(settings.name()), "init-" + requestId.substring(0, 8));
            initNanos = container.creationNanos() + System.nanoTime() - initStart;
            if (phase.succeeded()) {
                container.markInitialised();
            }
        }
        log.write(LambdaLogLines.start(requestId));
        long start = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        if (phase == null || phase.succeeded()) {
            // The deadline runs on the system clock, not the runtime's: a test's fixed Clock must not stop it.
            Clock clock = Clock.systemUTC();
            LocalContext context = new LocalContext(settings.physicalName(), requestId,
                    clock.instant().plus(settings.timeout()), clock, settings.memorySize(), settings.logGroupName(),
                    container.logStreamName(),
                    "arn:aws:lambda:" + region + ":" + account + ":function:" + settings.physicalName(),
                    new FunctionLogger(log));
            phase = run(() -> dispatcher.invoke(settings.name(), new ByteArrayInputStream(event), response, context),
                    requestId.substring(0, 8));
        }
        Thread worker = phase.worker();
        boolean finished = phase.finished();
        InvokeResult result;
        if (!finished && Thread.currentThread().isInterrupted()) {
            // The runtime is stopping (close or hot reload): the invocation is abandoned, not failed; its
            // batch was not checkpointed and is delivered again on the next start.
            worker.interrupt();
            log.write(requestId + " Invocation abandoned: the local runtime is stopping");
            pool.discard(container);
            result = new InvokeResult(requestId, InvokeResult.Outcome.ERROR, null, "Runtime.Stopping",
                    "the local runtime is stopping");
        } else if (!finished) {
            worker.interrupt();
            if (!join(worker, TIMEOUT_GRACE_MILLIS)) {
                terminate(worker);
            }
            pool.discard(container);
            String message = String.format(Locale.ROOT, "Task timed out after %.2f seconds",
                    settings.timeout().toMillis() / 1000.0);
            log.write(requestId + " " + message);
            result = new InvokeResult(requestId, InvokeResult.Outcome.TIMEOUT, null, "Task.TimedOut", message);
        } else if (phase.failure() != null) {
            Throwable error = phase.failure();
            log.write(LambdaErrorDocument.of(error));
            // A container whose Init failed is not reused: its retry starts a new one, which runs the handler's
            // static initialisers again when the container has class loaders of its own.
            if (container.initialised() && !(error instanceof VirtualMachineError)) {
                pool.release(container);
            } else {
                pool.discard(container);
            }
            result = new InvokeResult(requestId, InvokeResult.Outcome.ERROR, null, error.getClass().getName(),
                    error.getMessage());
        } else {
            pool.release(container);
            result = new InvokeResult(requestId, InvokeResult.Outcome.SUCCESS, response.toByteArray(), null, null);
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        log.write(LambdaLogLines.end(requestId));
        log.write(LambdaLogLines.report(requestId, millis, settings.memorySize(), initNanos));
        return result;
    }

    /** Code run on a function's thread: its handler's initialisation, or an invocation. */
    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** A body run for at most the function's timeout: whether it ended, and how. */
    private record Phase(Thread worker, boolean finished, Throwable failure) {

        boolean succeeded() {
            return finished && failure == null;
        }
    }

    /**
     * Runs {@code body} on a thread of its own whose output goes to the function's log, and waits for it for the
     * function's timeout; the caller deals with a thread that is still running.
     */
    private Phase run(Body body, String suffix) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            router.routeTo(log);
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                router.endRoute();
            }
        }, "jets-" + settings.name() + "-" + suffix);
        worker.setDaemon(true);
        worker.start();
        boolean finished = join(worker, settings.timeout().toMillis());
        return new Phase(worker, finished, failure.get());
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
}
