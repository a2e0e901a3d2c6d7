package io.jets.deploy.doctor;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.DeployException;
import io.jets.deploy.build.NewestClass;
import io.jets.deploy.doctor.Finding.Severity;
import io.jets.deploy.streams.TableCommands;
import io.jets.deploy.template.DeploySettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * The Debugging section of the DynamoDB Events page, automated: for every trigger, the table exists and has a
 * stream (and which view type); each deployed mapping reads the table's {@code LatestStreamArn} (a stale ARN after
 * the stream was disabled and re-enabled means "redeploy"), is enabled, and its last processing result; and the
 * function's recent errors in CloudWatch. Against the local server only the table checks run, as it has no
 * Lambda. Given the compiled classes, it checks the project first: its deployment settings, and that their runtime
 * loads the classes (a newer class fails on Lambda with {@code UnsupportedClassVersionError}).
 *
 * <pre>{@code
 * DoctorReport report = new Doctor(aws.dynamoDb(), Optional.of(aws.lambda()), Optional.of(aws.logs()), config,
 *         Clock.systemUTC()).examine(index.functions());
 * report.lines().forEach(out::println);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using Lambda with DynamoDB</a>
 */
public final class Doctor {

    static final String ERROR_PATTERN = "?ERROR ?Exception ?\"Task timed out\"";
    static final Duration ERROR_WINDOW = Duration.ofHours(1);

    private final DynamoDbClient dynamoDb;
    private final Optional<LambdaClient> lambda;
    private final Optional<CloudWatchLogsClient> logs;
    private final ProjectConfig config;
    private final UnaryOperator<String> physicalNames;
    private final Optional<URI> endpoint;
    private final Clock clock;

    public Doctor(DynamoDbClient dynamoDb, Optional<LambdaClient> lambda, Optional<CloudWatchLogsClient> logs,
                  ProjectConfig config, Clock clock) {
        this(dynamoDb, lambda, logs, config, config::physicalFunctionName, clock);
    }

    /** With the deployed functions' physical names ({@link io.jets.deploy.stack.DeployedNames}). */
    public Doctor(DynamoDbClient dynamoDb, Optional<LambdaClient> lambda, Optional<CloudWatchLogsClient> logs,
                  ProjectConfig config, UnaryOperator<String> physicalNames, Clock clock) {
        this(dynamoDb, lambda, logs, config, physicalNames, Optional.empty(), clock);
    }

    private Doctor(DynamoDbClient dynamoDb, Optional<LambdaClient> lambda, Optional<CloudWatchLogsClient> logs,
                   ProjectConfig config, UnaryOperator<String> physicalNames, Optional<URI> endpoint, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.lambda = lambda;
        this.logs = logs;
        this.config = config;
        this.physicalNames = physicalNames;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /**
     * {@link #examine(List)}, after the project's own check: {@code jets.properties}' deployment settings are
     * valid and their runtime loads the compiled classes, whose newest is {@code newest}.
     */
    public DoctorReport examine(List<FunctionDefinition> functions, Optional<NewestClass> newest) {
        List<Finding> findings = new ArrayList<>();
        try {
            String runtime = DeploySettings.from(config.properties(), newest).runtime();
            findings.add(new Finding(Severity.OK, config.namespace(), newest.map(n -> "runtime " + runtime
                    + " loads the compiled classes (newest: " + n.className() + ", Java " + n.javaVersion() + ")")
                    .orElse("runtime " + runtime + " (no compiled classes)")));
        } catch (DeployException e) {
            findings.add(new Finding(Severity.PROBLEM, config.namespace(), e.getMessage()));
        }
        findings.addAll(examine(functions).findings());
        return new DoctorReport(findings);
    }

    /**
     * Against the local server at {@code endpoint}: the table checks only, and the commands it suggests carry
     * {@code --endpoint-url}.
     */
    public static Doctor local(DynamoDbClient dynamoDb, ProjectConfig config, URI endpoint, Clock clock) {
        return new Doctor(dynamoDb, Optional.empty(), Optional.empty(), config, config::physicalFunctionName,
                Optional.of(endpoint), clock);
    }

    public DoctorReport examine(List<FunctionDefinition> functions) {
        List<Finding> findings = new ArrayList<>();
        if (functions.isEmpty()) {
            findings.add(new Finding(Severity.PROBLEM, config.namespace(), "no handlers found: annotate a public "
                    + "method with @DynamoDbTrigger and compile (mvn compile)"));
        }
        for (FunctionDefinition function : functions.stream()
                .sorted(Comparator.comparing(FunctionDefinition::name)).toList()) {
            Optional<List<EventSourceMappingConfiguration>> mappings = lambda.flatMap(l -> deployedMappings(l,
                    function, findings));
            for (TriggerDefinition trigger : function.triggers()) {
                Optional<String> latest = checkTable(function, trigger, findings);
                mappings.ifPresent(m -> latest.ifPresent(arn -> checkMapping(function, trigger, arn, m, findings)));
            }
            if (mappings.isPresent()) {
                logs.ifPresent(l -> checkRecentErrors(l, function, findings));
            }
        }
        if (lambda.isEmpty()) {
            findings.add(new Finding(Severity.OK, config.namespace(),
                    "deployed mappings and CloudWatch logs not checked (no Lambda at this endpoint)"));
        }
        return new DoctorReport(findings);
    }

    private Optional<String> checkTable(FunctionDefinition function, TriggerDefinition trigger, List<Finding> findings) {
        String table = trigger.isStreamArn() ? tableOfArn(trigger.source()) : config.tableName(trigger.source());
        String subject = function.name() + " ← " + table;
        TableDescription description;
        try {
            description = dynamoDb.describeTable(r -> r.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            findings.add(new Finding(Severity.PROBLEM, subject, "table does not exist. Create it with: "
                    + TableCommands.createTable(table, endpoint)));
            return Optional.empty();
        }
        boolean enabled = description.streamSpecification() != null
                && Boolean.TRUE.equals(description.streamSpecification().streamEnabled());
        if (!enabled || description.latestStreamArn() == null) {
            findings.add(new Finding(Severity.PROBLEM, subject, "stream is not enabled. Enable it with: "
                    + TableCommands.enableStream(table, endpoint)));
            return Optional.empty();
        }
        String viewType = description.streamSpecification().streamViewTypeAsString();
        findings.add(new Finding(Severity.OK, subject, "stream enabled (" + viewType + "), LatestStreamArn "
                + description.latestStreamArn()));
        if (trigger.isStreamArn() && !trigger.source().equals(description.latestStreamArn())) {
            findings.add(new Finding(Severity.WARNING, subject, "@DynamoDbTrigger names stream " + trigger.source()
                    + " but the table's latest stream is " + description.latestStreamArn()
                    + " (the stream was disabled and re-enabled): put the new ARN in the annotation, or the table name"));
        }
        return Optional.of(trigger.isStreamArn() ? trigger.source() : description.latestStreamArn());
    }

    private Optional<List<EventSourceMappingConfiguration>> deployedMappings(LambdaClient client,
            FunctionDefinition function, List<Finding> findings) {
        String physical = physicalNames.apply(function.name());
        try {
            return Optional.of(client.listEventSourceMappingsPaginator(r -> r.functionName(physical))
                    .eventSourceMappings().stream().toList());
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
            findings.add(new Finding(Severity.WARNING, function.name(), "function " + physical
                    + " is not deployed: run jets deploy"));
        } catch (SdkException e) {
            findings.add(new Finding(Severity.WARNING, function.name(), "could not list its event source mappings: "
                    + e.getMessage()));
        }
        return Optional.empty();
    }

    private void checkMapping(FunctionDefinition function, TriggerDefinition trigger, String expectedArn,
                              List<EventSourceMappingConfiguration> mappings, List<Finding> findings) {
        String table = tableOfArn(expectedArn);
        String subject = function.name() + " ← " + table;
        Optional<EventSourceMappingConfiguration> found = mappings.stream()
                .filter(m -> m.eventSourceArn() != null && tableOfArn(m.eventSourceArn()).equals(table))
                .findFirst();
        if (found.isEmpty()) {
            findings.add(new Finding(Severity.PROBLEM, subject, "no deployed event source mapping reads this table: "
                    + "run jets deploy"));
            return;
        }
        EventSourceMappingConfiguration mapping = found.get();
        if (!mapping.eventSourceArn().equals(expectedArn)) {
            findings.add(new Finding(Severity.PROBLEM, subject, "mapping " + mapping.uuid() + " reads stale stream "
                    + mapping.eventSourceArn() + " but the table's LatestStreamArn is " + expectedArn
                    + ": redeploy with jets deploy"));
        }
        String state = mapping.state();
        String result = mapping.lastProcessingResult() == null ? "none yet" : mapping.lastProcessingResult();
        Severity severity = !"Enabled".equals(state) ? Severity.WARNING
                : result.startsWith("PROBLEM") ? Severity.PROBLEM : Severity.OK;
        findings.add(new Finding(severity, subject, "mapping " + mapping.uuid() + " is " + state
                + (mapping.stateTransitionReason() == null ? "" : " (" + mapping.stateTransitionReason() + ")")
                + ", last processing result: " + result));
    }

    private void checkRecentErrors(CloudWatchLogsClient client, FunctionDefinition function, List<Finding> findings) {
        String group = "/aws/lambda/" + physicalNames.apply(function.name());
        List<FilteredLogEvent> errors;
        try {
            errors = client.filterLogEvents(r -> r.logGroupName(group).filterPattern(ERROR_PATTERN)
                    .startTime(clock.instant().minus(ERROR_WINDOW).toEpochMilli()).limit(5)).events();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            findings.add(new Finding(Severity.OK, function.name(), "no log group " + group + " yet: it has not run"));
            return;
        } catch (SdkException e) {
            findings.add(new Finding(Severity.WARNING, function.name(), "could not read " + group + ": "
                    + e.getMessage()));
            return;
        }
        if (errors.isEmpty()) {
            findings.add(new Finding(Severity.OK, function.name(), "no errors in " + group + " in the last hour"));
        } else {
            findings.add(new Finding(Severity.WARNING, function.name(), errors.size() + (errors.size() == 5 ? "+" : "")
                    + " errors in " + group + " in the last hour, latest: "
                    + errors.get(errors.size() - 1).message().strip() + " (see: jets logs --aws -n " + function.name()
                    + ")"));
        }
    }

    /** {@code arn:aws:dynamodb:us-west-2:1122:table/demo-dev_test-table/stream/2024-…} → {@code demo-dev_test-table}. */
    static String tableOfArn(String arn) {
        int start = arn.indexOf(":table/");
        if (start < 0) {
            return arn;
        }
        int end = arn.indexOf('/', start + ":table/".length());
        return arn.substring(start + ":table/".length(), end < 0 ? arn.length() : end);
    }
}
