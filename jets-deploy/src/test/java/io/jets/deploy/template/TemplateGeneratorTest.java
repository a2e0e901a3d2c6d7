package io.jets.deploy.template;

import static io.jets.deploy.template.DemoApp.CONFIG;
import static io.jets.deploy.template.DemoApp.FUNCTIONS;
import static io.jets.deploy.template.DemoApp.STREAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.JetsException;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.DeployException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateGeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TemplateGenerator generator = new TemplateGenerator(CONFIG, DeploySettings.defaults());

    @Test
    void generate_demoApp_matchesGoldenJsonAndYaml() throws Exception {
        CfnTemplate template = generator.generate(FUNCTIONS, STREAMS);

        Golden.assertMatches("demo-dev.template.json", template.toJson());
        Golden.assertMatches("demo-dev.template.yaml", template.toYaml());
    }

    @Test
    void generate_demoApp_isValidAgainstResourceSpecification() {
        assertThat(new CfnSpecValidator().validate(generator.generate(FUNCTIONS, STREAMS).toJson())).isEmpty();
    }

    @Test
    void generate_withSnapStartJava21AndCustomPolicy_isValidAgainstResourceSpecification() throws Exception {
        DeploySettings settings = DeploySettings.from(Map.of("functions.runtime", "java21",
                "functions.snap_start", "true", "functions.log_retention_days", "7",
                "iam.policy_statements", "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::demo/*\"}]",
                "iam.replace_default_policy", "true"));

        CfnTemplate template = new TemplateGenerator(CONFIG, settings).generate(FUNCTIONS, STREAMS);

        assertThat(new CfnSpecValidator().validate(template.toJson())).isEmpty();
        Golden.assertMatches("demo-dev-snapstart.template.json", template.toJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java17", "java17.al2023", "java21", "java25"})
    void generate_eachRuntimeWithSnapStart_reachesEveryFunctionAndIsValidAgainstResourceSpecification(String runtime)
            throws Exception {
        DeploySettings settings = DeploySettings.from(Map.of("functions.runtime", runtime,
                "functions.snap_start", "true"));
        CfnTemplate template = new TemplateGenerator(CONFIG, settings).generate(FUNCTIONS, STREAMS);

        List<JsonNode> functions = new ArrayList<>();
        MAPPER.readTree(template.toJson()).path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")) {
                functions.add(resource.path("Properties"));
            }
        });
        assertThat(functions).hasSize(FUNCTIONS.size()).allSatisfy(function -> {
            assertThat(function.path("Runtime").asText()).isEqualTo(runtime);
            assertThat(function.path("SnapStart").toString()).isEqualTo("{\"ApplyOn\":\"PublishedVersions\"}");
        });
        assertThat(new CfnSpecValidator().validate(template.toJson())).isEmpty();
    }

    @Test
    void generate_isIndependentOfIndexOrder() {
        List<FunctionDefinition> reversed = new ArrayList<>(FUNCTIONS);
        java.util.Collections.reverse(reversed);

        assertThat(generator.generate(reversed, STREAMS).toJson())
                .isEqualTo(generator.generate(FUNCTIONS, STREAMS).toJson());
    }

    @Test
    void generate_clerkFunction_hasHandlerRuntimeAndDispatchVariable() throws Exception {
        JsonNode function = tree().at("/Resources/ClerkEventFileFunction/Properties");

        assertThat(function.path("FunctionName").asText()).isEqualTo("demo-dev-clerk_event-file");
        assertThat(function.path("Handler").asText()).isEqualTo("io.jets.core.LambdaHandler::handleRequest");
        assertThat(function.path("Runtime").asText()).isEqualTo("java17");
        assertThat(function.path("MemorySize").asInt()).isEqualTo(1536);
        assertThat(function.path("Timeout").asInt()).isEqualTo(30);
        assertThat(function.at("/Environment/Variables/JETS_FUNCTION").asText()).isEqualTo("clerk_event-file");
        assertThat(tree().at("/Resources/ClerkEventFileLogGroup/Properties/LogGroupName").asText())
                .isEqualTo("/aws/lambda/demo-dev-clerk_event-file");
    }

    @Test
    void generate_projectTimeoutAndMemory_applyWhereAFunctionSetsNone() throws Exception {
        ProjectConfig config = new ProjectConfig("demo", "dev", "demo-dev", "_",
                Map.of("functions.timeout", "120", "functions.memory_size", "512"));

        JsonNode resources = MAPPER.readTree(new TemplateGenerator(config, DeploySettings.defaults())
                .generate(FUNCTIONS, STREAMS).toJson()).path("Resources");

        assertThat(resources.at("/ClerkEventFileFunction/Properties/Timeout").asInt()).isEqualTo(120);
        assertThat(resources.at("/ClerkEventFileFunction/Properties/MemorySize").asInt()).isEqualTo(512);
        assertThat(resources.at("/AuditEventOrdersFunction/Properties/Timeout").asInt()).isEqualTo(60);
        assertThat(resources.at("/AuditEventOrdersFunction/Properties/MemorySize").asInt()).isEqualTo(1024);
    }

    @Test
    void generate_projectMemoryOutsideLambdasRange_isRejectedNamingTheSetting() {
        ProjectConfig config = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of("functions.memory_size", "64"));
        TemplateGenerator generator = new TemplateGenerator(config, DeploySettings.defaults());

        assertThatThrownBy(() -> generator.generate(FUNCTIONS, STREAMS))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("functions.memory_size in jets.properties must be between 128 and 10240, got: 64");
    }

    @Test
    void generate_clerkRole_grantsOnlyItsStreamAndItsLogGroup() throws Exception {
        JsonNode statements = tree().at("/Resources/ClerkEventFileRole/Properties/Policies/0/PolicyDocument/Statement");

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0).path("Action").toString())
                .isEqualTo("[\"dynamodb:DescribeStream\",\"dynamodb:GetRecords\",\"dynamodb:GetShardIterator\"]");
        assertThat(statements.get(0).path("Resource").toString()).isEqualTo(
                "[\"arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2026-11-25T10:00:00.000\"]");
        assertThat(statements.get(1).path("Action").asText()).isEqualTo("dynamodb:ListStreams");
        assertThat(statements.get(2).path("Resource").toString())
                .isEqualTo("{\"Fn::GetAtt\":[\"ClerkEventFileLogGroup\",\"Arn\"]}");
    }

    @Test
    void generate_explicitStreamArn_isUsedAsGivenAndNeverResolved() throws Exception {
        List<String> resolved = new ArrayList<>();
        generator.generate(List.of(DemoApp.AUDIT_ORDERS), trigger -> {
            resolved.add(trigger.source());
            return STREAMS.streamArn(trigger);
        });

        assertThat(resolved).containsExactly("orders");
        assertThat(tree().at("/Resources/AuditEventOrdersEventSourceMapping2/Properties/EventSourceArn").asText())
                .isEqualTo(DemoApp.ORDERS_ARCHIVE_ARN);
    }

    @Test
    void generate_everyTriggerProperty_reachesItsMapping() throws Exception {
        JsonNode mapping = tree().at("/Resources/AuditEventOrdersEventSourceMapping/Properties");

        assertThat(mapping.toString()).isEqualTo("{\"FunctionName\":{\"Ref\":\"AuditEventOrdersFunction\"},"
                + "\"EventSourceArn\":\"arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_orders/stream/2026-11-25T10:00:00.000\","
                + "\"StartingPosition\":\"LATEST\",\"BatchSize\":500,\"MaximumBatchingWindowInSeconds\":5,"
                + "\"ParallelizationFactor\":2,\"BisectBatchOnFunctionError\":true,\"MaximumRetryAttempts\":3,"
                + "\"MaximumRecordAgeInSeconds\":3600,\"TumblingWindowInSeconds\":60,\"Enabled\":false,"
                + "\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"" + DemoApp.DLQ + "\"}},"
                + "\"FilterCriteria\":{\"Filters\":[{\"Pattern\":\"{\\\"eventName\\\":[\\\"INSERT\\\"]}\"},"
                + "{\"Pattern\":\"{\\\"dynamodb\\\":{\\\"NewImage\\\":{\\\"status\\\":{\\\"S\\\":[\\\"paid\\\"]}}}}\"}]},"
                + "\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"]}");
    }

    @Test
    void generate_twoTriggersOnOneMethod_keepsBothMappingsAndBothStreamsInThePolicy() throws Exception {
        JsonNode resources = tree().path("Resources");

        assertThat(resources.has("AuditEventOrdersEventSourceMapping")).isTrue();
        assertThat(resources.has("AuditEventOrdersEventSourceMapping2")).isTrue();
        assertThat(resources.at("/AuditEventOrdersRole/Properties/Policies/0/PolicyDocument/Statement/0/Resource"))
                .hasSize(2);
        assertThat(resources.at("/AuditEventOrdersRole/Properties/Policies/0/PolicyDocument/Statement/3").toString())
                .isEqualTo("{\"Sid\":\"OnFailure\",\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\""
                        + DemoApp.DLQ + "\"}");
    }

    @Test
    void generate_physicalNameOver64Characters_letsCloudFormationNameTheFunction() throws Exception {
        JsonNode resources = tree().path("Resources");
        String id = "ReconciliationReportGeneratorEventRebuildMonthlyStatements";

        assertThat(resources.at("/" + id + "Function/Properties").has("FunctionName")).isFalse();
        assertThat(resources.at("/" + id + "LogGroup/Properties/LogGroupName").toString())
                .isEqualTo("{\"Fn::Sub\":\"/aws/lambda/${" + id + "Function}\"}");
        assertThat(resources.at("/" + id + "LogsPolicy/Type").asText()).isEqualTo("AWS::IAM::Policy");
        assertThat(resources.at("/" + id + "EventSourceMapping/DependsOn/0").asText()).isEqualTo(id + "LogsPolicy");
    }

    @Test
    void generate_twoFunctionsWithOneLogicalId_failsNamingBoth() {
        FunctionDefinition other = new FunctionDefinition("clerk_event_file", "app.events.Clerk", "event_file",
                List.of(), List.of(TriggerDefinition.withDefaults("t")), 0, 0, Map.of(), "");

        assertThatThrownBy(() -> generator.generate(List.of(DemoApp.CLERK_FILE, other), STREAMS))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Functions clerk_event-file and clerk_event_file both become the CloudFormation ID "
                        + "ClerkEventFile; rename one of the methods");
    }

    @Test
    void generate_unsupportedDestination_failsWithTheArn() {
        FunctionDefinition function = new FunctionDefinition("a-b", "A", "b", List.of(), List.of(
                new TriggerDefinition("t", 100, 0, io.jets.core.DynamoDbTrigger.StartingPosition.TRIM_HORIZON, 1,
                        false, -1, -1, "arn:aws:lambda:us-east-1:112233445566:function:x", List.of(), false, 0, true)),
                0, 0, Map.of(), "");

        assertThatThrownBy(() -> generator.generate(List.of(function), STREAMS))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("onFailure must be an SQS queue, SNS topic or S3 bucket ARN, got: "
                        + "arn:aws:lambda:us-east-1:112233445566:function:x");
    }

    private JsonNode tree() throws Exception {
        return MAPPER.readTree(generator.generate(FUNCTIONS, STREAMS).toJson());
    }
}
