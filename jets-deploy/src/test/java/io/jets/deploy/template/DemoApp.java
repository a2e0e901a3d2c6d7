package io.jets.deploy.template;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.streams.StreamArnResolver;
import java.util.List;
import java.util.Map;

/** The handlers of a small application like the seed's demo, as the compile-time index records them. */
final class DemoApp {

    static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    static final String ORDERS_ARCHIVE_ARN =
            "arn:aws:dynamodb:us-west-2:112233445566:table/orders-archive/stream/2024-02-11T15:44:30.751";
    static final String DLQ = "arn:aws:sqs:us-west-2:112233445566:demo-dev-dlq";

    /** Resolves a table name the way DescribeTable would answer: a stream labelled with a fixed timestamp. */
    static final StreamArnResolver STREAMS = trigger -> "arn:aws:dynamodb:us-west-2:112233445566:table/"
            + CONFIG.tableName(trigger.source()) + "/stream/2026-11-25T10:00:00.000";

    static final FunctionDefinition CLERK_FILE = new FunctionDefinition("clerk_event-file", "app.events.ClerkEvent",
            "file", List.of(), List.of(TriggerDefinition.withDefaults("test-table")), 0, 0, Map.of(), "");

    static final FunctionDefinition AUDIT_ORDERS = new FunctionDefinition("audit_event-orders",
            "app.events.AuditEvent", "orders",
            List.of("com.amazonaws.services.lambda.runtime.events.DynamodbEvent"),
            List.of(new TriggerDefinition("orders", 500, 5, StartingPosition.LATEST, 2, true, 3, 3600, DLQ,
                            List.of("{\"eventName\":[\"INSERT\"]}", "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"paid\"]}}}}"),
                            true, 60, false),
                    TriggerDefinition.withDefaults(ORDERS_ARCHIVE_ARN)),
            60, 1024, Map.of("MODE", "strict"), "Audits every order change");

    /** Its physical name, demo-dev-…, is longer than Lambda's 64 characters. */
    static final FunctionDefinition LONG_NAME = new FunctionDefinition(
            "reconciliation_report_generator_event-rebuild_monthly_statements", "app.events.ReconciliationReportGeneratorEvent",
            "rebuild_monthly_statements", List.of(), List.of(new TriggerDefinition("ledger", 100, 0,
                    StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "arn:aws:s3:::demo-dev-failures", List.of(),
                    false, 0, true)), 0, 0, Map.of(), "");

    static final List<FunctionDefinition> FUNCTIONS = List.of(CLERK_FILE, AUDIT_ORDERS, LONG_NAME);

    private DemoApp() {
    }
}
