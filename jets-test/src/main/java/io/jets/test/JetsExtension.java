package io.jets.test;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * JUnit 5 extension behind {@link JetsTest}: before each test it starts a {@link Jets} (in-memory local server on a
 * free port, the handlers' tables with streams on, their event source mappings), passes it to the test as a
 * parameter, and stops it after the test, so no test sees another's items or invocations.
 *
 * <h2>Testing a handler</h2>
 * Given the handler of the DynamoDB Events page,
 * <pre>{@code
 * public class ClerkEvent extends ApplicationEvent {
 *     @DynamoDbTrigger("test-table")
 *     public void file() {
 *         System.out.println("event " + event());
 *     }
 * }
 * }</pre>
 * a test writes an item the way any client would and waits for the handler:
 * <pre>{@code
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * import io.jets.test.Jets;
 * import io.jets.test.JetsTest;
 * import java.util.Map;
 * import org.junit.jupiter.api.Test;
 * import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
 *
 * @JetsTest
 * class ClerkEventTest {
 *
 *     @Test
 *     void file_receivesTheInsertedItem(Jets jets) {
 *         jets.dynamoDb().putItem(b -> b.tableName(jets.tableName("test-table"))
 *                 .item(Map.of("id", AttributeValue.fromS("id-1"), "name", AttributeValue.fromS("name-1"))));
 *
 *         var records = jets.awaitRecords("clerk_event-file", 1);
 *
 *         assertThat(records.get(0).getEventName()).isEqualTo("INSERT");
 *         assertThat(records.get(0).getDynamodb().getNewImage().get("name").getS()).isEqualTo("name-1");
 *         assertThat(jets.logs("clerk_event-file")).anyMatch(line -> line.startsWith("event "));
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The test module needs {@code io.jets:jets-test} (scope test) and the application compiled with jets-core,
 *       so that its handler index ({@code META-INF/jets/handlers.json}) is on the test class path.</li>
 *   <li>Table names are namespaced by the project's {@code jets.properties} in the working directory (Maven runs
 *       tests in the module's directory): {@code jets.tableName("test-table")} gives {@code demo-dev_test-table}.
 *       {@code @JetsTest(projectDirectory = "…")} reads another one.</li>
 *   <li>Tables are created with a string partition key {@code id} and stream NEW_AND_OLD_IMAGES; change that
 *       with {@code partitionKey}, {@code sortKey} and {@code streamViewType}, or set {@code createTables = false}
 *       and create them in the test: the mappings attach once a table and its stream exist.</li>
 *   <li>{@code awaitRecords(function, n)} waits until the handler has returned normally for n records, however
 *       they were batched; {@code awaitInvocations(function, n)} counts invocations, failed ones included, each
 *       with its exact payload and what the handler threw. Both fail the test after 10 s (or a given
 *       {@code Duration}) with what they got and the function's log.</li>
 *   <li>{@code assertNoFurtherInvocations(function, period)} checks that a write does not reach the handler (a
 *       put that changes nothing writes no stream record).</li>
 *   <li>{@code logs(function)} is the function's log as {@code jets logs} shows it, START/END/REPORT lines
 *       included.</li>
 * </ul>
 */
public final class JetsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JetsExtension.class);
    private static final String KEY = "jets";

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(KEY, builder(settings(context.getRequiredTestClass())).start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Jets jets = context.getStore(NAMESPACE).remove(KEY, Jets.class);
        if (jets != null) {
            jets.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Jets.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Jets jets = context.getStore(NAMESPACE).get(KEY, Jets.class);
        if (jets == null) {
            throw new JetsTestException("Jets runs per test: take it as a parameter of a @Test or @BeforeEach "
                    + "method, not of " + parameter.getDeclaringExecutable().getName());
        }
        return jets;
    }

    /** The class's own {@code @JetsTest}, or for a {@code @Nested} class the nearest enclosing one's. */
    static Optional<JetsTest> settings(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<JetsTest> settings = AnnotationSupport.findAnnotation(type, JetsTest.class);
            if (settings.isPresent()) {
                return settings;
            }
        }
        return Optional.empty();
    }

    static JetsBuilder builder(Optional<JetsTest> settings) {
        JetsBuilder builder = Jets.builder();
        settings.ifPresent(s -> {
            if (!s.projectDirectory().isEmpty()) {
                builder.projectDirectory(Path.of(s.projectDirectory()));
            }
            builder.functions(s.functions())
                    .createTables(s.createTables())
                    .keys(s.partitionKey(), s.sortKey())
                    .streamViewType(viewType(s.streamViewType()));
        });
        return builder;
    }

    private static StreamViewType viewType(String name) {
        StreamViewType type = StreamViewType.fromValue(name);
        if (type == null || type == StreamViewType.UNKNOWN_TO_SDK_VERSION) {
            throw new JetsTestException("streamViewType must be one of NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, "
                    + "KEYS_ONLY, got: " + name);
        }
        return type;
    }
}
