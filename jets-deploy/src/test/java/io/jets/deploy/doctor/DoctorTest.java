package io.jets.deploy.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.build.NewestClass;
import io.jets.deploy.stub.AwsStub;
import io.jets.deploy.stub.AwsStub.Response;
import io.jets.deploy.stub.StubAws;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoctorTest {

    private static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String TABLE = "demo-dev_test-table";
    private static final String LATEST = "arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2026-11-25T10:00:00.000";
    private static final String STALE = "arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2024-02-11T15:44:30.751";
    private static final String MAPPINGS = "lambda:GET /2015-03-31/event-source-mappings";
    private static final FunctionDefinition CLERK = new FunctionDefinition("clerk_event-file", "demo.events.ClerkEvent",
            "file", List.of(), List.of(TriggerDefinition.withDefaults("test-table")), 0, 0, Map.of(), "");

    private AwsStub stub;
    private AwsClients aws;
    private Doctor doctor;

    @BeforeEach
    void start() throws Exception {
        stub = new AwsStub();
        aws = StubAws.clients(stub);
        doctor = new Doctor(aws.dynamoDb(), Optional.of(aws.lambda()), Optional.of(aws.logs()), CONFIG, CLOCK);
    }

    @AfterEach
    void stop() {
        aws.close();
        stub.close();
    }

    @Test
    void examine_healthyDeployment_reportsTableStreamMappingAndQuietLogs() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));
        stub.on(MAPPINGS, Response.lambda(mappings(LATEST, "Enabled", "OK")));
        stub.on("logs:FilterLogEvents", Response.logs("{\"events\":[],\"searchedLogStreams\":[]}"));

        DoctorReport report = doctor.examine(List.of(CLERK));

        assertThat(report.lines()).containsExactly(
                "[ok] clerk_event-file ← demo-dev_test-table: stream enabled (NEW_AND_OLD_IMAGES), LatestStreamArn " + LATEST,
                "[ok] clerk_event-file ← demo-dev_test-table: mapping 14e0db71-5d35-4eb5-b481-8945cf9d10c2 is Enabled "
                        + "(User action), last processing result: OK",
                "[ok] clerk_event-file: no errors in /aws/lambda/demo-dev-clerk_event-file in the last hour");
        assertThat(report.healthy()).isTrue();
        assertThat(stub.requests(MAPPINGS).get(0).query()).isEqualTo("FunctionName=demo-dev-clerk_event-file");
        assertThat(stub.requests("logs:FilterLogEvents").get(0).bodyText())
                .contains("\"startTime\":1795604400000").contains("\"filterPattern\":\"?ERROR ?Exception ?\\\"Task timed out\\\"\"");
    }

    @Test
    void examine_mappingOnAStaleStream_saysRedeploy() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));
        stub.on(MAPPINGS, Response.lambda(mappings(STALE, "Enabled", "OK")));
        stub.on("logs:FilterLogEvents", Response.logs("{\"events\":[]}"));

        DoctorReport report = doctor.examine(List.of(CLERK));

        assertThat(report.healthy()).isFalse();
        assertThat(report.lines()).contains("[PROBLEM] clerk_event-file ← demo-dev_test-table: mapping "
                + "14e0db71-5d35-4eb5-b481-8945cf9d10c2 reads stale stream " + STALE + " but the table's LatestStreamArn is "
                + LATEST + ": redeploy with jets deploy");
    }

    @Test
    void examine_tableWithoutStream_givesTheUpdateTableCommand() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithoutStream(TABLE)));
        stub.on(MAPPINGS, Response.lambda("{\"EventSourceMappings\":[]}"));
        stub.on("logs:FilterLogEvents", Response.logs("{\"events\":[]}"));

        DoctorReport report = doctor.examine(List.of(CLERK));

        assertThat(report.lines()).contains("[PROBLEM] clerk_event-file ← demo-dev_test-table: stream is not enabled. "
                + "Enable it with: aws dynamodb update-table --table-name demo-dev_test-table --stream-specification "
                + "\"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"");
    }

    @Test
    void examine_failingMappingAndErrorsInLogs_reportsBoth() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));
        stub.on(MAPPINGS, Response.lambda(mappings(LATEST, "Enabled",
                "PROBLEM: Function call failed")));
        stub.on("logs:FilterLogEvents", Response.logs("{\"events\":[{\"logStreamName\":\"s\",\"timestamp\":1795607000000,"
                + "\"message\":\"java.lang.IllegalStateException: boom\\n\",\"eventId\":\"1\"}]}"));

        DoctorReport report = doctor.examine(List.of(CLERK));

        assertThat(report.lines()).contains(
                "[PROBLEM] clerk_event-file ← demo-dev_test-table: mapping 14e0db71-5d35-4eb5-b481-8945cf9d10c2 is "
                        + "Enabled (User action), last processing result: PROBLEM: Function call failed",
                "[warning] clerk_event-file: 1 errors in /aws/lambda/demo-dev-clerk_event-file in the last hour, latest: "
                        + "java.lang.IllegalStateException: boom (see: jets logs --aws -n clerk_event-file)");
    }

    @Test
    void examine_functionNotDeployed_saysDeployAndSkipsItsLogs() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));
        stub.on(MAPPINGS, new Response(404, "application/json",
                "{\"Type\":\"User\",\"Message\":\"Function not found: arn:aws:lambda:us-west-2:112233445566:function:demo-dev-clerk_event-file\"}",
                Map.of("x-amzn-ErrorType", "ResourceNotFoundException")));

        DoctorReport report = doctor.examine(List.of(CLERK));

        assertThat(report.lines()).containsExactly(
                "[warning] clerk_event-file: function demo-dev-clerk_event-file is not deployed: run jets deploy",
                "[ok] clerk_event-file ← demo-dev_test-table: stream enabled (NEW_AND_OLD_IMAGES), LatestStreamArn " + LATEST);
        assertThat(stub.requests("logs:FilterLogEvents")).isEmpty();
    }

    @Test
    void examine_withoutLambda_checksTablesOnly() {
        Doctor local = new Doctor(aws.dynamoDb(), Optional.empty(), Optional.empty(), CONFIG, CLOCK);
        stub.on("dynamodb:DescribeTable", Response.dynamoDbError("ResourceNotFoundException",
                "Requested resource not found: Table: demo-dev_test-table not found"));

        DoctorReport report = local.examine(List.of(CLERK));

        assertThat(report.lines()).containsExactly(
                "[PROBLEM] clerk_event-file ← demo-dev_test-table: table does not exist. Create it with: aws dynamodb "
                        + "create-table --table-name demo-dev_test-table --attribute-definitions AttributeName=id,AttributeType=S "
                        + "--key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST "
                        + "--stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES",
                "[ok] demo-dev: deployed mappings and CloudWatch logs not checked (no Lambda at this endpoint)");
        assertThat(stub.operations()).containsOnly("dynamodb:DescribeTable");
    }

    @Test
    void examine_local_suggestsCommandsForTheLocalEndpoint() {
        Doctor local = Doctor.local(aws.dynamoDb(), CONFIG, URI.create("http://127.0.0.1:8000"), CLOCK);
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithoutStream(TABLE)));

        DoctorReport report = local.examine(List.of(CLERK));

        assertThat(report.lines()).containsExactly(
                "[PROBLEM] clerk_event-file ← demo-dev_test-table: stream is not enabled. Enable it with: aws dynamodb "
                        + "update-table --endpoint-url http://127.0.0.1:8000 --table-name demo-dev_test-table "
                        + "--stream-specification \"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"",
                "[ok] demo-dev: deployed mappings and CloudWatch logs not checked (no Lambda at this endpoint)");
        assertThat(stub.operations()).containsOnly("dynamodb:DescribeTable");
    }

    @Test
    void examine_explicitArnOlderThanTheTablesLatestStream_warnsToUpdateTheAnnotation() {
        FunctionDefinition pinned = new FunctionDefinition("clerk_event-file", "demo.events.ClerkEvent", "file",
                List.of(), List.of(TriggerDefinition.withDefaults(STALE)), 0, 0, Map.of(), "");
        Doctor local = new Doctor(aws.dynamoDb(), Optional.empty(), Optional.empty(), CONFIG, CLOCK);
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));

        DoctorReport report = local.examine(List.of(pinned));

        assertThat(report.lines()).contains("[warning] clerk_event-file ← demo-dev_test-table: @DynamoDbTrigger names "
                + "stream " + STALE + " but the table's latest stream is " + LATEST + " (the stream was disabled and "
                + "re-enabled): put the new ARN in the annotation, or the table name");
        assertThat(stub.requests("dynamodb:DescribeTable").get(0).bodyText())
                .isEqualTo("{\"TableName\":\"demo-dev_test-table\"}");
    }

    @Test
    void examine_functionNamedByCloudFormation_looksUpItsMappingsAndLogsByTheDeployedName() {
        Doctor named = new Doctor(aws.dynamoDb(), Optional.of(aws.lambda()), Optional.of(aws.logs()), CONFIG,
                function -> "demo-dev-ClerkEventFileFunction-1A2B3C4D5E6F", CLOCK);
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));
        stub.on(MAPPINGS, Response.lambda(mappings(LATEST, "Enabled", "OK")));
        stub.on("logs:FilterLogEvents", Response.logs("{\"events\":[]}"));

        DoctorReport report = named.examine(List.of(CLERK));

        assertThat(stub.requests(MAPPINGS).get(0).query())
                .isEqualTo("FunctionName=demo-dev-ClerkEventFileFunction-1A2B3C4D5E6F");
        assertThat(report.lines()).contains("[ok] clerk_event-file: no errors in "
                + "/aws/lambda/demo-dev-ClerkEventFileFunction-1A2B3C4D5E6F in the last hour");
    }

    @Test
    void examine_withClassesTheRuntimeLoads_reportsTheRuntimeFirst() {
        Doctor local = new Doctor(aws.dynamoDb(), Optional.empty(), Optional.empty(), CONFIG, CLOCK);
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));

        DoctorReport report = local.examine(List.of(CLERK), Optional.of(new NewestClass("demo.events.ClerkEvent", 65)));

        assertThat(report.lines()).containsExactly(
                "[ok] demo-dev: runtime java21 loads the compiled classes (newest: demo.events.ClerkEvent, Java 21)",
                "[ok] clerk_event-file ← demo-dev_test-table: stream enabled (NEW_AND_OLD_IMAGES), LatestStreamArn " + LATEST,
                "[ok] demo-dev: deployed mappings and CloudWatch logs not checked (no Lambda at this endpoint)");
        assertThat(report.healthy()).isTrue();
    }

    @Test
    void examine_withClassesNewerThanTheRuntime_reportsAProblemNamingTheClassAndTheRuntimesThatLoadIt() {
        ProjectConfig java17 = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of("functions.runtime", "java17"));
        Doctor local = new Doctor(aws.dynamoDb(), Optional.empty(), Optional.empty(), java17, CLOCK);
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));

        DoctorReport report = local.examine(List.of(CLERK), Optional.of(new NewestClass("demo.events.ClerkEvent", 69)));

        assertThat(report.healthy()).isFalse();
        assertThat(report.lines().get(0)).isEqualTo("[PROBLEM] demo-dev: demo.events.ClerkEvent is compiled for "
                + "Java 25 (class file version 69), which functions.runtime=java17 cannot load (Lambda would fail with "
                + "UnsupportedClassVersionError). Set functions.runtime to java25 in jets.properties, or compile with "
                + "--release 17");
        assertThat(report.lines()).hasSize(3);
    }

    @Test
    void examine_withARuntimeLambdaDoesNotOffer_reportsTheSettingsProblem() {
        ProjectConfig java11 = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of("functions.runtime", "java11"));
        Doctor local = new Doctor(aws.dynamoDb(), Optional.empty(), Optional.empty(), java11, CLOCK);
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream(TABLE, LATEST)));

        DoctorReport report = local.examine(List.of(CLERK), Optional.of(new NewestClass("demo.events.ClerkEvent", 61)));

        assertThat(report.lines().get(0)).isEqualTo("[PROBLEM] demo-dev: functions.runtime must be one of java17, "
                + "java17.al2023, java21, java25, got: java11 (Jets runs on Java 17 or later)");
    }

    @Test
    void tableOfArn_takesTheTableSegment() {
        assertThat(Doctor.tableOfArn(STALE)).isEqualTo("demo-dev_test-table");
    }

    private static String mappings(String streamArn, String state, String result) {
        return "{\"EventSourceMappings\":[{\"UUID\":\"14e0db71-5d35-4eb5-b481-8945cf9d10c2\",\"BatchSize\":100,"
                + "\"EventSourceArn\":\"" + streamArn + "\",\"FunctionArn\":\"arn:aws:lambda:us-west-2:112233445566:"
                + "function:demo-dev-clerk_event-file\",\"LastModified\":1795600000,\"LastProcessingResult\":\"" + result
                + "\",\"State\":\"" + state + "\",\"StateTransitionReason\":\"User action\",\"StartingPosition\":\"TRIM_HORIZON\"}]}";
    }
}
