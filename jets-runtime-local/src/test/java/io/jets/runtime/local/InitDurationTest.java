package io.jets.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import io.jets.core.FunctionDispatcher;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import io.jets.core.index.TriggerDefinition;
import io.jets.runtime.local.logs.LocalLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first invocation of a function in a new execution environment reports Lambda's {@code Init Duration}: the
 * time to load its handler class, run its static initialisers and construct it, which its {@code Duration} leaves
 * out. See <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html">the Lambda
 * execution environment lifecycle</a>.
 */
public class InitDurationTest {

    private static final String FUNCTION = "slow_init_event-handle";
    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: \\S+\tDuration: (\\d+\\.\\d\\d) ms\t"
            + "Billed Duration: \\d+ ms\tMemory Size: 1536 MB\tMax Memory Used: \\d+ MB"
            + "(?:\tInit Duration: (\\d+\\.\\d\\d) ms)?");

    @TempDir
    Path state;

    @Test
    void firstInvocation_reportsTheHandlersInitAsInitDuration_outsideItsDuration_andAgainAfterAReload() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        FunctionDefinition function = function(SlowInitEvent.class);
        HandlerIndex index = new HandlerIndex(List.of(function));
        ClassLoader first = new Deployment();
        try (LocalRuntime runtime = fx.builder((f, e, c) -> null, function)
                .dispatchers(() -> FunctionDispatcher.create(first, index)).start()) {
            fx.streams.put("demo-dev_test-table", "id-1", "a");
            awaitReports(1);
            fx.streams.put("demo-dev_test-table", "id-2", "b");
            awaitReports(2);
            ClassLoader second = new Deployment();
            runtime.reload(() -> FunctionDispatcher.create(second, index), List.of(function));
            fx.streams.put("demo-dev_test-table", "id-3", "c");
            awaitReports(3);
        }

        List<Matcher> reports = reports();
        long initMillis = SlowInitEvent.STATIC_INIT_MILLIS + SlowInitEvent.CONSTRUCTOR_MILLIS;
        assertThat(initDuration(reports.get(0))).isGreaterThanOrEqualTo(initMillis);
        assertThat(duration(reports.get(0))).isLessThan(SlowInitEvent.CONSTRUCTOR_MILLIS);
        assertThat(reports.get(1).group(2)).as("Init Duration of the second invocation").isNull();
        assertThat(initDuration(reports.get(2))).isGreaterThanOrEqualTo(initMillis);
        assertThat(duration(reports.get(2))).isLessThan(SlowInitEvent.CONSTRUCTOR_MILLIS);
    }

    @Test
    void staticInitialiserOutput_isLoggedBeforeTheFirstStart_asInLambdasInitPhase() {
        deliverOneRecord(SlowInitEvent.class, 1);

        List<String> messages = messages();
        assertThat(messages.get(0)).isEqualTo("static initialiser of SlowInitEvent");
        assertThat(messages.get(1)).isEqualTo("constructor of SlowInitEvent");
        assertThat(messages.get(2)).startsWith("START RequestId: ");
        assertThat(messages.get(3)).isEqualTo("handled by SlowInitEvent");
    }

    @Test
    void constructorThatThrows_isLoggedAsTheInvocationsError_andInitIsTriedAgainOnTheRetry() {
        deliverOneRecord(FailingConstructorEvent.class, 2);

        List<String> messages = messages();
        assertThat(messages.get(0)).startsWith("START RequestId: ");
        String requestId = messages.get(0).substring(17, 53);
        assertThat(messages.get(1)).startsWith("{\"errorMessage\":\"no database configured\","
                + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[");
        assertThat(messages.get(2)).isEqualTo("END RequestId: " + requestId);
        assertThat(messages.get(3)).startsWith("REPORT RequestId: " + requestId + "\t").contains("\tInit Duration: ");
        assertThat(messages.get(4)).startsWith("START RequestId: ");
        assertThat(messages.get(5)).startsWith("{\"errorMessage\":\"no database configured\","
                + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[");
        assertThat(messages.get(7)).startsWith("REPORT RequestId: ").contains("\tInit Duration: ");
    }

    @Test
    void staticInitialiserThatThrows_isTheFirstInvocationsError_andTheRetrySaysTheClassNeedsReloading() {
        deliverOneRecord(FailingStaticInitEvent.class, 2);

        List<String> errors = messages().stream().filter(m -> m.startsWith("{\"errorMessage\"")).toList();
        assertThat(errors.get(0)).startsWith("{\"errorMessage\":\"Initialising " + FailingStaticInitEvent.class.getName()
                + " failed: java.lang.IllegalStateException: no table configured\",\"errorType\":\"io.jets.core.JetsException\"");
        assertThat(errors.get(1)).startsWith("{\"errorMessage\":\"Initialising " + FailingStaticInitEvent.class.getName()
                + " failed earlier in this JVM, which runs a class's static initialiser only once per class loader: "
                + FUNCTION + " cannot run again until its class is loaded anew (as Lambda and jets dev do in each new"
                + " execution environment)\",\"errorType\":\"io.jets.core.JetsException\"");
    }

    @Test
    void failedInit_discardsTheContainer_soTheRetryInitialisesInANewOne_andLaterInvocationsReuseThat() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        FunctionDefinition function = function(SlowInitEvent.class);
        AtomicInteger unreachable = new AtomicInteger(1);
        List<ContainerDispatcher> containers = new CopyOnWriteArrayList<>();
        try (LocalRuntime runtime = fx.builder((f, e, c) -> null, function).dispatchers(() -> {
            ContainerDispatcher container = new ContainerDispatcher(unreachable);
            containers.add(container);
            return container;
        }).start()) {
            fx.streams.put("demo-dev_test-table", "id-1", "a");
            awaitReports(2);
            fx.streams.put("demo-dev_test-table", "id-2", "b");
            awaitReports(3);
        }

        List<String> messages = messages();
        assertThat(messages.get(1)).startsWith("{\"errorMessage\":\"service unreachable\","
                + "\"errorType\":\"java.lang.IllegalStateException\"");
        List<Matcher> reports = reports();
        initDuration(reports.get(0));
        initDuration(reports.get(1));
        assertThat(reports.get(2).group(2)).as("Init Duration in the reused container").isNull();
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).closed).as("the container whose Init failed is closed").isTrue();
        assertThat(containers.get(0).logStreams).as("no invocation ran in the failed container").isEmpty();
        assertThat(containers.get(1).closed).isFalse();
        assertThat(containers.get(1).logStreams).hasSize(2).containsOnly(containers.get(1).logStreams.get(0));
    }

    @Test
    void staticInitialiserThatThrowsOnce_runsAgainOnTheRetry_whenEachContainerLoadsTheHandlerAnew() {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        FunctionDefinition function = function(FlakyStaticInitEvent.class);
        HandlerIndex index = new HandlerIndex(List.of(function));
        FLAKY_INIT_FAILURES.set(1);
        try (LocalRuntime runtime = fx.builder((f, e, c) -> null, function)
                .dispatchers(() -> FunctionDispatcher.create(new Deployment(), index)).start()) {
            fx.streams.put("demo-dev_test-table", "id-1", "a");
            awaitReports(2);
        }

        List<String> messages = messages();
        assertThat(messages.stream().filter(m -> m.startsWith("{\"errorMessage\"")).toList()).singleElement()
                .asString().startsWith("{\"errorMessage\":\"Initialising " + FlakyStaticInitEvent.class.getName()
                        + " failed: java.lang.IllegalStateException: service unreachable\","
                        + "\"errorType\":\"io.jets.core.JetsException\"");
        assertThat(messages).contains("handled by FlakyStaticInitEvent");
        initDuration(reports().get(1));
    }

    @Test
    void staticInitialiserAndHandler_runWithTheirDeploymentAsTheThreadsContextClassLoader_asOnLambda() {
        deliverOneRecord(ContextClassLoaderEvent.class, 1);

        assertThat(messages()).contains("static initialiser: context class loader is the handler's: true",
                "handler: context class loader is the handler's: true");
    }

    /** Starts a runtime on a fresh deployment of {@code handler}, writes one item and waits for that many REPORTs. */
    private void deliverOneRecord(Class<?> handler, int reports) {
        RuntimeFixture fx = new RuntimeFixture(state);
        fx.streams.createTable("demo-dev_test-table");
        fx.streams.enableStream("demo-dev_test-table");
        FunctionDefinition function = function(handler);
        HandlerIndex index = new HandlerIndex(List.of(function));
        ClassLoader deployment = new Deployment();
        try (LocalRuntime runtime = fx.builder((f, e, c) -> null, function)
                .dispatchers(() -> FunctionDispatcher.create(deployment, index)).start()) {
            fx.streams.put("demo-dev_test-table", "id-1", "a");
            awaitReports(reports);
        }
    }

    private static FunctionDefinition function(Class<?> handler) {
        return new FunctionDefinition(FUNCTION, handler.getName(), "handle", List.of(),
                List.of(TriggerDefinition.withDefaults("test-table")), 0, 0, Map.of(), "");
    }

    private void awaitReports(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> reports().size() >= count);
    }

    private List<String> messages() {
        return LocalLogs.in(state).read(FUNCTION, Instant.EPOCH).stream()
                .map(l -> l.substring(l.indexOf('\t') + 1)).toList();
    }

    private List<Matcher> reports() {
        List<Matcher> reports = messages().stream().filter(m -> m.startsWith("REPORT ")).map(REPORT::matcher).toList();
        assertThat(reports).allMatch(Matcher::matches);
        return reports;
    }

    private static double duration(Matcher report) {
        return Double.parseDouble(report.group(1));
    }

    private static double initDuration(Matcher report) {
        assertThat(report.group(2)).as("Init Duration of " + report.group()).isNotNull();
        return Double.parseDouble(report.group(2));
    }

    /** A handler whose class takes a while to initialise and to construct, like one that builds an SDK client. */
    public static final class SlowInitEvent {
        static final long STATIC_INIT_MILLIS = 300;
        static final long CONSTRUCTOR_MILLIS = 100;

        static {
            System.out.println("static initialiser of SlowInitEvent");
            sleep(STATIC_INIT_MILLIS);
        }

        public SlowInitEvent() {
            System.out.println("constructor of SlowInitEvent");
            sleep(CONSTRUCTOR_MILLIS);
        }

        public void handle() {
            System.out.println("handled by SlowInitEvent");
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A handler that says whether its code runs with its own class loader as the context class loader. */
    public static final class ContextClassLoaderEvent {

        static {
            System.out.println("static initialiser: " + contextLoader());
        }

        public void handle() {
            System.out.println("handler: " + contextLoader());
        }

        private static String contextLoader() {
            return "context class loader is the handler's: "
                    + (Thread.currentThread().getContextClassLoader() == ContextClassLoaderEvent.class.getClassLoader());
        }
    }

    /** A handler whose class cannot be initialised. */
    public static final class FailingStaticInitEvent {
        static final String TABLE = configuredTable();

        private static String configuredTable() {
            throw new IllegalStateException("no table configured");
        }

        public void handle() {
        }
    }

    /**
     * How many times {@link FlakyStaticInitEvent}'s static initialiser fails before it succeeds; public, as each
     * {@link Deployment} defines the handler anew, in a runtime package of its own.
     */
    public static final AtomicInteger FLAKY_INIT_FAILURES = new AtomicInteger();

    /** A handler whose class initialisation fails while a service it reaches is down. */
    public static final class FlakyStaticInitEvent {
        static final String CLIENT = connect();

        private static String connect() {
            if (FLAKY_INIT_FAILURES.getAndDecrement() > 0) {
                throw new IllegalStateException("service unreachable");
            }
            return "client";
        }

        public void handle() {
            System.out.println("handled by FlakyStaticInitEvent");
        }
    }

    /** A container whose Init fails while {@code unreachable} is positive; records the log stream it runs in. */
    private static final class ContainerDispatcher implements FunctionDispatcher, AutoCloseable {
        private final AtomicInteger unreachable;
        final List<String> logStreams = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        ContainerDispatcher(AtomicInteger unreachable) {
            this.unreachable = unreachable;
        }

        @Override
        public void prepare(String functionName) {
            if (unreachable.getAndDecrement() > 0) {
                throw new IllegalStateException("service unreachable");
            }
        }

        @Override
        public void invoke(String functionName, InputStream event, OutputStream response, Context context) {
            logStreams.add(context.getLogStreamName());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A handler that cannot be constructed. */
    public static final class FailingConstructorEvent {

        public FailingConstructorEvent() {
            throw new IllegalStateException("no database configured");
        }

        public void handle() {
        }
    }

    /**
     * One deployment of the application, as {@code jets dev} loads each build: the handlers of this test are
     * defined anew, so that their static initialisers run again.
     */
    private static final class Deployment extends ClassLoader {

        Deployment() {
            super(InitDurationTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(InitDurationTest.class.getName() + "$")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }
        }
    }
}
