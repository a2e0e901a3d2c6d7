package io.jets.deploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import io.jets.deploy.build.DeploymentJar.BuiltJar;
import io.jets.deploy.stub.RuntimeApiStub;
import io.jets.deploy.stub.RuntimeApiStub.Invocation;
import io.jets.deploy.stub.RuntimeApiStub.Post;
import io.jets.deploy.template.CfnTemplate;
import io.jets.deploy.template.TemplateGenerator;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the deployment jar of a small app under the AWS Lambda Java Runtime Interface Client, the runtime of
 * Lambda's java17/java21 images: a fresh JVM per function with the environment Lambda and the generated template
 * set, talking to a Runtime API of our own. What the runtime posts back is what Lambda hands the event source
 * mapping: the handler's response, or the error report of a failed invocation or initialisation.
 */
class LambdaRuntimeClientIT {

    private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String REQUEST_ID = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
    private static final String TRACE_ID = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());

    @TempDir
    static Path dir;

    private static BuiltJar jar;
    private static CfnTemplate template;
    private static String payload;

    @BeforeAll
    static void buildTheJarAndTheTemplate() throws Exception {
        Path classes = DeploymentJarIT.compileApp("orders", dir);
        jar = DeploymentJar.build(classes, DeploymentJarIT.runtimeJarsOfJetsCore(),
                dir.resolve(".jets/out/demo-dev.jar"));
        List<FunctionDefinition> functions;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            functions = HandlerIndex.load(loader).functions();
        }
        template = TemplateGenerator.create(CONFIG).generate(functions,
                trigger -> "arn:aws:dynamodb:us-west-2:112233445566:table/" + CONFIG.tableName(trigger.source())
                        + "/stream/2026-11-25T10:00:00.000");
        payload = Files.readString(Path.of("src/test/resources/events/orders-batch.json"));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void voidHandler_seesTheTypedBatch_andPostsAnEmptyResponse(Layout layout) throws Exception {
        Run run = invoke(layout, "OrderEventsAuditFunction", Map.of());

        assertThat(run.post().path()).isEqualTo("invocation/" + REQUEST_ID + "/response");
        assertThat(run.post().body()).isEmpty();
        String context = " in demo-dev-order_events-audit " + REQUEST_ID + " "
                + template.resource("OrderEventsAuditFunction").properties().get("MemorySize")
                + " MB, /aws/lambda/demo-dev-order_events-audit, time left";
        assertThat(run.log()).contains(
                "audit INSERT o-1 before=none after=Tung Nguyen 3/29.97" + context,
                "audit MODIFY o-2 before=2/19.98 after=Ana Lima 12/119.88" + context);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void batchItemFailures_arePostedAsTheEventSourceMappingReadsThem(Layout layout) throws Exception {
        Run run = invoke(layout, "OrderEventsShipFunction", Map.of());

        assertThat(run.post().path()).isEqualTo("invocation/" + REQUEST_ID + "/response");
        assertThat(run.post().body())
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584600000000017450439092\"}]}");
        assertThat(run.log()).contains("ship o-1 quantity 3", "ship o-2 quantity 12");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void tumblingWindow_postsTheStateForTheWindowsNextInvocation(Layout layout) throws Exception {
        Run run = invoke(layout, "OrderTotalsTallyFunction", Map.of(),
                Files.readString(Path.of("src/test/resources/events/orders-window.json")));

        assertThat(run.post().path()).isEqualTo("invocation/" + REQUEST_ID + "/response");
        assertThat(JSON.readTree(run.post().body()))
                .isEqualTo(JSON.readTree("{\"state\":{\"items\":\"20\"},\"batchItemFailures\":[]}"));
        assertThat(run.log()).contains("tally 2026-11-26T10:00:00Z shardId-00000001764151100000-4d2a9f10 20");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void userException_isReportedWithItsTypeMessageAndStackTrace(Layout layout) throws Exception {
        Run run = invoke(layout, "OrderEventsRejectFunction", Map.of());

        assertThat(run.post().path()).isEqualTo("invocation/" + REQUEST_ID + "/error");
        assertThat(run.post().header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.UserException");
        JsonNode error = JSON.readTree(run.post().body());
        assertThat(error.fieldNames()).toIterable().containsExactly("errorMessage", "errorType", "stackTrace");
        assertThat(error.path("errorType").asText()).isEqualTo("orders.OrderEvents$OrderRejected");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Order o-1 cannot be shipped: warehouse closed");
        assertThat(error.path("stackTrace").get(0).asText())
                .startsWith("orders.OrderEvents.reject(OrderEvents.java:");
        assertThat(run.log())
                .contains("orders.OrderEvents$OrderRejected: Order o-1 cannot be shipped: warehouse closed");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void unknownFunction_failsInitialisationListingTheKnownFunctions(Layout layout) throws Exception {
        Run run = invoke(layout, "OrderEventsAuditFunction", Map.of("JETS_FUNCTION", "order_events-adit"));

        assertThat(run.post().path()).isEqualTo("init/error");
        assertThat(run.post().header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BadFunctionCode");
        assertThat(JSON.readTree(run.post().body())).isEqualTo(JSON.readTree("{\"errorMessage\":\"Unknown function"
                + " order_events-adit in JETS_FUNCTION; known functions: inventory_events-restock, order_events-audit,"
                + " order_events-reject, order_events-ship, order_totals-tally\",\"errorType\":\"io.jets.core.JetsException\"}"));
        assertThat(run.exitCode()).as(run.log()).isNotNull().isNotZero();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void failingConstructor_failsInitialisationAsForAnOrdinaryHandlerClass(Layout layout) throws Exception {
        Run jets = invoke(layout, "InventoryEventsRestockFunction", Map.of());
        Run ordinary = invoke(layout, "InventoryEventsRestockFunction",
                Map.of("_HANDLER", "orders.InventoryEvents::restock"));

        assertThat(jets.post().path()).isEqualTo("init/error");
        assertThat(JSON.readTree(jets.post().body())).isEqualTo(JSON.readTree(
                "{\"errorMessage\":\"WAREHOUSE is not set\",\"errorType\":\"java.lang.IllegalStateException\"}"));
        assertThat(jets.post().body()).isEqualTo(ordinary.post().body());
        assertThat(jets.post().header("Lambda-Runtime-Function-Error-Type"))
                .isEqualTo(ordinary.post().header("Lambda-Runtime-Function-Error-Type"));
        assertThat(jets.log()).contains("at orders.InventoryEvents.<init>(InventoryEvents.java:");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void snapStart_initialisesBeforeTheSnapshot_andServesAfterTheRestore(Layout layout) throws Exception {
        Run run = invoke(layout, "OrderEventsShipFunction", Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"));

        assertThat(run.restores()).isEqualTo(1);
        assertThat(run.post().path()).isEqualTo("invocation/" + REQUEST_ID + "/response");
        assertThat(run.post().body())
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584600000000017450439092\"}]}");
    }

    /** How the deployment reaches the runtime's JVM. */
    enum Layout {
        /** {@code java -cp <deployment jar>:<runtime jars>}. */
        CLASS_PATH,
        /**
         * As Lambda runs a .jar or .zip: extracted into the task root ({@code /var/task}, the runtime's working
         * directory), loaded by the runtime's class loader for customer code; only the runtime's own jars are on
         * the class path.
         */
        TASK_ROOT
    }

    /**
     * What one execution environment did: the runtime's first post, its exit code if it ended, what it printed,
     * how many SnapStart restores it asked for.
     */
    private record Run(Post post, Integer exitCode, String log, int restores) {
    }

    /**
     * Starts an execution environment for the function {@code logicalId}, hands it the batch when it asks for
     * one, and stops it once the invocation is over (or initialisation failed).
     */
    private static Run invoke(Layout layout, String logicalId, Map<String, String> overrides) throws Exception {
        return invoke(layout, logicalId, overrides, payload);
    }

    private static Run invoke(Layout layout, String logicalId, Map<String, String> overrides, String payload)
            throws Exception {
        Path log = dir.resolve(logicalId + "-" + System.nanoTime() + ".log");
        try (RuntimeApiStub api = RuntimeApiStub.start()) {
            Process process = start(layout, api, logicalId, overrides, log);
            try {
                api.invoke(new Invocation(REQUEST_ID, payload,
                        "arn:aws:lambda:us-west-2:112233445566:function:" + functionName(logicalId),
                        System.currentTimeMillis() + 30_000, TRACE_ID));
                Post post = api.nextPost(Duration.ofSeconds(20));
                assertThat(post).as("what the runtime posted; it printed:%n%s", Files.readString(log)).isNotNull();
                Integer exitCode = null;
                if (post.path().equals("init/error")) {
                    exitCode = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : null;
                } else {
                    assertThat(api.awaitPoll(Duration.ofSeconds(10))).as("first poll").isTrue();
                    assertThat(api.awaitPoll(Duration.ofSeconds(10))).as("poll after the invocation").isTrue();
                }
                return new Run(post, exitCode, Files.readString(log), api.restores());
            } finally {
                process.destroy();
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** Starts the function {@code logicalId} of the template as Lambda would, with {@code overrides} applied. */
    @SuppressWarnings("unchecked")
    private static Process start(Layout layout, RuntimeApiStub api, String logicalId, Map<String, String> overrides,
                                 Path log) throws Exception {
        Map<String, Object> properties = template.resource(logicalId).properties();
        Path taskRoot = Files.createDirectories(dir.resolve("task-" + logicalId + "-" + System.nanoTime()));
        String classpath = String.join(File.pathSeparator, runtimeClasspath());
        if (layout == Layout.CLASS_PATH) {
            classpath = jar.path() + File.pathSeparator + classpath;
        } else {
            extract(jar.path(), taskRoot);
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, RUNTIME_MAIN, overrides.getOrDefault("_HANDLER", (String) properties.get("Handler")))
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) properties.get("Environment"))
                .get("Variables");
        String jetsFunction = (String) variables.get("JETS_FUNCTION");
        String functionName = functionName(logicalId);
        environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
        environment.put("_HANDLER", (String) properties.get("Handler"));
        environment.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(properties.get("MemorySize")));
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", CONFIG.logGroupName(jetsFunction));
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/26/[$LATEST]2e0e4e3a9f1c4f7bb3c1d1c2f5e8a901");
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        environment.put("AWS_REGION", "us-west-2");
        environment.put("AWS_DEFAULT_REGION", "us-west-2");
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("PATH", System.getenv("PATH"));
        variables.forEach((name, value) -> environment.put(name, String.valueOf(value)));
        environment.putAll(overrides);
        return builder.start();
    }

    /** The name Lambda gives the function: the template's FunctionName, or the one Jets deploys it under. */
    @SuppressWarnings("unchecked")
    private static String functionName(String logicalId) {
        Map<String, Object> properties = template.resource(logicalId).properties();
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) properties.get("Environment"))
                .get("Variables");
        return (String) properties.getOrDefault("FunctionName",
                CONFIG.physicalFunctionName((String) variables.get("JETS_FUNCTION")));
    }

    /** The runtime client and what it needs beside the deployment jar, as Lambda's runtime image provides them. */
    private static List<String> runtimeClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-serialization") || entry.contains("utils-lite")
                        || entry.contains("aws-lambda-java-core"))
                .toList();
    }

    private static void extract(Path jar, Path directory) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
