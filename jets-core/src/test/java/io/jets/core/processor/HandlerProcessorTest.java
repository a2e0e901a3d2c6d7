package io.jets.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlerProcessorTest {

    private static final String IMPORTS = """
            package demo;
            import io.jets.core.*;
            import io.jets.core.images.Change;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.events.*;
            import java.util.*;
            """;

    @TempDir
    Path output;

    @Test
    void compile_withSeedHandler_writesItToTheIndex() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    public void file() {
                        System.out.println("event " + event());
                    }
                }""");

        assertThat(result.errors()).isEmpty();
        assertThat(functions(result)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("clerk_event-file");
            assertThat(f.className()).isEqualTo("demo.ClerkEvent");
            assertThat(f.methodName()).isEqualTo("file");
            assertThat(f.triggers()).singleElement().satisfies(t -> assertThat(t.source()).isEqualTo("test-table"));
        });
    }

    @Test
    void compile_withNestedClassAndCamelCaseMethod_namesFunctionJetsStyle() throws IOException {
        Compilation.Result result = compile("demo.Admin", """
                public class Admin {
                    public static class HTTPClerkEvent extends JetsEvent {
                        @DynamoDbTrigger("test-table")
                        public void fileItem(DynamodbEvent event, Context context) {
                        }
                    }
                }""");

        assertThat(result.errors()).isEmpty();
        assertThat(functions(result)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("admin-http_clerk_event-file_item");
            assertThat(f.className()).isEqualTo("demo.Admin$HTTPClerkEvent");
        });
    }

    @Test
    void compile_withNonPublicMethod_failsNamingClassAndMethod() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    void file() {
                    }
                }""");

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactly("demo.ClerkEvent#file: handler methods must be public");
        assertThat(result.hasIndex()).isFalse();
    }

    @Test
    void compile_withClassNotExtendingJetsEvent_fails() throws IOException {
        Compilation.Result result = compile("demo.Plain", """
                public class Plain {
                    @DynamoDbTrigger("test-table")
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly("demo.Plain#file: the class Plain must extend io.jets.core.JetsEvent"
                + " (usually through the application's ApplicationEvent)");
    }

    @Test
    void compile_withHandlerInAnInterface_saysWhereHandlersBelong() throws IOException {
        Compilation.Result result = compile("demo.Handlers", """
                public interface Handlers {
                    @DynamoDbTrigger("test-table")
                    default void file() {
                    }
                }""");

        assertThat(result.errors()).contains("demo.Handlers#file: handler methods belong in a class extending"
                + " JetsEvent, not in an interface");
    }

    @Test
    void compile_withAbstractClass_fails() throws IOException {
        Compilation.Result result = compile("demo.Base", """
                public abstract class Base extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly(
                "demo.Base#file: the class Base must not be abstract: Jets creates an instance of it");
    }

    @Test
    void compile_withTwoHandlersOfOneFunctionName_fails() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    public void fileItem() {
                    }
                    @DynamoDbTrigger("test-table")
                    public void file_item() {
                    }
                }""");

        assertThat(result.errors()).containsExactly("demo.ClerkEvent#file_item: the function name"
                + " clerk_event-file_item is already used by demo.ClerkEvent#fileItem; rename one of the methods"
                + " or classes");
    }

    @Test
    void compile_withUnsupportedParameterAndReturnType_failsOnEach() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    public String file(String event, Context context) {
                        return event;
                    }
                }""");

        assertThat(result.errors()).containsExactly(
                "demo.ClerkEvent#file: parameter event has unsupported type java.lang.String; a handler takes any of"
                        + " DynamodbEvent (or DynamodbTimeWindowEvent), Context and List<Change<T>>, or nothing",
                "demo.ClerkEvent#file: unsupported return type java.lang.String; a handler returns void,"
                        + " StreamsEventResponse or TimeWindowEventResponse");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "batchSize = 0 | batchSize must be between 1 and 10000, got: 0",
            "batchSize = 10001 | batchSize must be between 1 and 10000, got: 10001",
            "maximumBatchingWindowInSeconds = 301 | maximumBatchingWindowInSeconds must be between 0 and 300, got: 301",
            "maximumBatchingWindowInSeconds = -1 | maximumBatchingWindowInSeconds must be between 0 and 300, got: -1",
            "parallelizationFactor = 0 | parallelizationFactor must be between 1 and 10, got: 0",
            "parallelizationFactor = 11 | parallelizationFactor must be between 1 and 10, got: 11",
            "maximumRetryAttempts = -2 | maximumRetryAttempts must be between -1 and 10000, got: -2",
            "maximumRetryAttempts = 10001 | maximumRetryAttempts must be between -1 and 10000, got: 10001",
            "maximumRecordAgeInSeconds = 59 | maximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800, got: 59",
            "maximumRecordAgeInSeconds = 0 | maximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800, got: 0",
            "maximumRecordAgeInSeconds = 604801 | maximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800, got: 604801",
            "tumblingWindowInSeconds = 901 | tumblingWindowInSeconds must be between 0 and 900, got: 901",
            "onFailure = \"arn:aws:lambda:us-east-1:123456789012:function:f\" | onFailure must be an SQS queue, SNS topic or S3 bucket ARN (arn:aws:sqs:…, arn:aws:sns:…, arn:aws:s3:::…), got: arn:aws:lambda:us-east-1:123456789012:function:f",
            "filters = {\"{}\", \"{}\", \"{}\", \"{}\", \"{}\", \"{}\"} | filters must have at most 5 patterns, got: 6",
            "filters = \"{\\\"eventName\\\": [{\\\"regex\\\": \\\"I.*\\\"}]}\" | filters[0]: Invalid filter pattern definition. Unrecognized match type regex, got: {\"eventName\": [{\"regex\": \"I.*\"}]}",
            "filters = \"{\\\"eventName\\\": \\\"INSERT\\\"}\" | filters[0]: Invalid filter pattern definition. \"eventName\" must be an object or an array, got: {\"eventName\": \"INSERT\"}",
            "filters = \"[1]\" | filters[0]: Invalid filter pattern definition. Filter is not an object, got: [1]",
    })
    void compile_withOutOfRangeTriggerSetting_failsWithAwsWording(String setting, String message) throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger(value = "test-table", %s)
                    public void file() {
                    }
                }""".formatted(setting));

        assertThat(result.errors()).contains("demo.ClerkEvent#file: " + message);
    }

    @Test
    void compile_withFilterTooLong_saysTheLimit() throws IOException {
        String pattern = "{\\\"eventName\\\":[\\\"" + "x".repeat(4100) + "\\\"]}";

        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger(value = "test-table", filters = "%s")
                    public void file() {
                    }
                }""".formatted(pattern));

        assertThat(result.errors()).containsExactly(
                "demo.ClerkEvent#file: filters[0] must be at most 4096 characters, got: 4118");
    }

    @Test
    void compile_withInvalidFilterPattern_failsWithLambdasWording_thenTheReason() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger(value = "test-table", filters = {
                        "{\\"eventName\\": [\\"INSERT\\"]}",
                        "{\\"eventName\\": [\\"MODIFY\\"], \\"dynamodb\\": {}}"
                    })
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly("demo.ClerkEvent#file: filters[1]: Invalid filter pattern"
                + " definition. Empty objects are not allowed, got: {\"eventName\": [\"MODIFY\"],"
                + " \"dynamodb\": {}}");
    }

    @Test
    void compile_withEveryKnownFilterOperator_succeeds() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger(value = "test-table", filters = {
                        "{\\"eventName\\": [\\"INSERT\\", \\"MODIFY\\"], \\"dynamodb\\": {\\"NewImage\\": {\\"status\\": {\\"S\\": [{\\"prefix\\": \\"open\\"}, {\\"suffix\\": \\"ed\\"}, {\\"equals-ignore-case\\": \\"NEW\\"}]}}}}",
                        "{\\"dynamodb\\": {\\"NewImage\\": {\\"total\\": {\\"N\\": [{\\"numeric\\": [\\">\\", 0, \\"<=\\", 5]}]}, \\"note\\": {\\"S\\": [null, \\"\\"]}}}}",
                        "{\\"dynamodb\\": {\\"OldImage\\": {\\"id\\": [{\\"exists\\": false}]}, \\"NewImage\\": {\\"kind\\": {\\"S\\": [{\\"anything-but\\": [\\"test\\", \\"demo\\"]}]}}}}"
                    })
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).isEmpty();
        assertThat(functions(result).get(0).triggers().get(0).filters()).hasSize(3);
    }

    @Test
    void compile_withFunctionConfigOutOfRange_fails() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    @FunctionConfig(timeoutSeconds = 901, memorySize = 64, environment = "NOVALUE")
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly(
                "demo.ClerkEvent#file: environment entries are NAME=value, got: \"NOVALUE\"",
                "demo.ClerkEvent#file: timeoutSeconds must be between 1 and 900, got: 901",
                "demo.ClerkEvent#file: memorySize must be between 128 and 10240, got: 64");
    }

    @Test
    void compile_withTumblingWindowAndVoidMethod_failsBecauseLambdaNeedsTheState() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger(value = "test-table", tumblingWindowInSeconds = 60)
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly("demo.ClerkEvent#file: a handler with tumblingWindowInSeconds"
                + " must return TimeWindowEventResponse with the window's state; Lambda fails an invocation whose"
                + " response has no state");
    }

    @Test
    void compile_withStreamsEventResponseButNoReporting_warns() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    public StreamsEventResponse file() {
                        return null;
                    }
                }""");

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).contains("demo.ClerkEvent#file: returns StreamsEventResponse but"
                + " reportBatchItemFailures is false: Lambda ignores the reported failures; set"
                + " reportBatchItemFailures = true");
    }

    @Test
    void compile_withInvalidStreamArn_fails() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table")
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly("demo.ClerkEvent#file: value must be a table name or a stream ARN"
                + " like arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/"
                + "2024-02-11T15:44:30.751, got: arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table");
    }

    @Test
    void compile_withTwoTriggersOnOneTable_failsBecauseLambdaAllowsOneMapping() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    @DynamoDbTrigger(value = "test-table", batchSize = 10)
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly("demo.ClerkEvent#file: two triggers on test-table: Lambda allows"
                + " one event source mapping per stream and function; merge them into one @DynamoDbTrigger");
    }

    @Test
    void compile_withTriggersOnTwoTables_indexesOneMappingEach() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table")
                    @DynamoDbTrigger(value = "archive-table", batchSize = 10)
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).isEmpty();
        assertThat(functions(result).get(0).triggers()).extracting(t -> t.source() + ":" + t.batchSize())
                .containsExactly("test-table:100", "archive-table:10");
    }

    @Test
    void compile_withFunctionConfigAlone_failsBecauseItDoesNothing() throws IOException {
        Compilation.Result result = compile("demo.ClerkEvent", """
                public class ClerkEvent extends JetsEvent {
                    @FunctionConfig(timeoutSeconds = 60)
                    public void file() {
                    }
                }""");

        assertThat(result.errors()).containsExactly("demo.ClerkEvent#file: @FunctionConfig has no effect without"
                + " @DynamoDbTrigger on the same method");
    }

    @Test
    void recompile_afterRemovingAMethod_dropsItFromTheIndexAndKeepsOtherClasses() throws IOException {
        compile(Map.of("demo.ClerkEvent", IMPORTS + """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table") public void file() {}
                    @DynamoDbTrigger("test-table") public void archive() {}
                }""", "demo.AuditEvent", IMPORTS + """
                public class AuditEvent extends JetsEvent {
                    @DynamoDbTrigger("orders") public void log() {}
                }"""));

        Compilation.Result result = compile(Map.of("demo.ClerkEvent", IMPORTS + """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table") public void file() {}
                }"""));

        assertThat(result.errors()).isEmpty();
        assertThat(functions(result)).extracting(FunctionDefinition::name)
                .containsExactly("audit_event-log", "clerk_event-file");
    }

    @Test
    void recompile_afterRemovingTheLastTrigger_dropsTheClassFromTheIndex() throws IOException {
        compile(Map.of("demo.ClerkEvent", IMPORTS + """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table") public void file() {}
                }"""));

        Compilation.Result result = compile(Map.of("demo.ClerkEvent", IMPORTS + """
                public class ClerkEvent extends JetsEvent {
                    public void file() {}
                }"""));

        assertThat(result.errors()).isEmpty();
        assertThat(functions(result)).isEmpty();
    }

    @Test
    void recompile_afterDeletingAClass_dropsItsFunctions() throws IOException {
        compile(Map.of("demo.ClerkEvent", IMPORTS + """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table") public void file() {}
                }""", "demo.AuditEvent", IMPORTS + """
                public class AuditEvent extends JetsEvent {
                    @DynamoDbTrigger("orders") public void log() {}
                }"""));
        Files.delete(output.resolve("demo/AuditEvent.class"));

        Compilation.Result result = compile(Map.of("demo.ClerkEvent", IMPORTS + """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table") public void file() {}
                }"""));

        assertThat(functions(result)).extracting(FunctionDefinition::name).containsExactly("clerk_event-file");
    }

    @Test
    void recompile_withNameTakenByAnUnchangedClass_failsNamingBoth() throws IOException {
        compile(Map.of("demo.ClerkEvent", IMPORTS + """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("test-table") public void file() {}
                }"""));

        Compilation.Result result = compile(Map.of("billing.ClerkEvent", IMPORTS.replace("package demo;", "package billing;") + """
                public class ClerkEvent extends JetsEvent {
                    @DynamoDbTrigger("invoices") public void file() {}
                }"""));

        assertThat(result.errors()).containsExactly("billing.ClerkEvent#file: the function name clerk_event-file is"
                + " already used by demo.ClerkEvent#file; rename one of the methods or classes");
    }

    private Compilation.Result compile(String className, String body) throws IOException {
        return compile(Map.of(className, IMPORTS + body));
    }

    private Compilation.Result compile(Map<String, String> sources) throws IOException {
        return Compilation.compile(output, sources);
    }

    private static List<FunctionDefinition> functions(Compilation.Result result) throws IOException {
        return HandlerIndex.read(new ByteArrayInputStream(result.index().getBytes(StandardCharsets.UTF_8))).functions();
    }
}
