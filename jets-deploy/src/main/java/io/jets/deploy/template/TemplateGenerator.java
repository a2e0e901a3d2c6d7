package io.jets.deploy.template;

import io.jets.core.LambdaHandler;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.DeployException;
import io.jets.deploy.streams.StreamArnResolver;
import io.jets.deploy.template.internal.EventSourceMappingProperties;
import io.jets.deploy.template.internal.LogicalIds;
import io.jets.deploy.template.internal.RolePolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the CloudFormation stack of an application: per handler method a Lambda function, its own role
 * (least privilege), its log group, and one event source mapping per trigger.
 *
 * <pre>{@code
 * TemplateGenerator generator = TemplateGenerator.create(projectConfig);
 * CfnTemplate template = generator.generate(index.functions(), new DynamoDbStreamArnResolver(dynamoDb, projectConfig));
 * }</pre>
 *
 * <p>The code location is left to the {@value #CODE_BUCKET} and {@value #CODE_KEY} parameters (and
 * {@value #CODE_SHA256} with SnapStart), so the template depends only on the application, not on a build.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html">AWS::Lambda::EventSourceMapping</a>
 */
public final class TemplateGenerator {

    public static final String HANDLER = LambdaHandler.class.getName() + "::handleRequest";
    public static final String CODE_BUCKET = "CodeBucket";
    public static final String CODE_KEY = "CodeKey";
    public static final String CODE_SHA256 = "CodeSha256";
    /** Lambda's limit on function names. */
    public static final int MAX_FUNCTION_NAME = 64;

    private final ProjectConfig config;
    private final DeploySettings settings;

    public TemplateGenerator(ProjectConfig config, DeploySettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /**
     * A generator with the settings of the project's {@code jets.properties}, java17 unless they name a runtime;
     * for compiled classes, pass {@link DeploySettings#from(Map, java.util.Optional)} to the constructor instead.
     */
    public static TemplateGenerator create(ProjectConfig config) {
        return new TemplateGenerator(config, DeploySettings.from(config.properties()));
    }

    public CfnTemplate generate(List<FunctionDefinition> functions, StreamArnResolver streams) {
        List<FunctionDefinition> sorted = functions.stream()
                .sorted(Comparator.comparing(FunctionDefinition::name)).toList();
        requireDistinctLogicalIds(sorted);
        Map<String, CfnResource> resources = new LinkedHashMap<>();
        Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
        for (FunctionDefinition function : sorted) {
            addFunction(function, streams, resources);
            String id = LogicalIds.of(function.name());
            outputs.put(id + "Name", properties("Description", "Physical name of " + function.name(),
                    "Value", Fn.ref(id + "Function")));
        }
        return new CfnTemplate("Jets for Java application " + config.namespace(), parameters(), resources, outputs);
    }

    private Map<String, Map<String, Object>> parameters() {
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        parameters.put(CODE_BUCKET, parameter("S3 bucket holding the deployment jar"));
        parameters.put(CODE_KEY, parameter("S3 key of the deployment jar"));
        if (settings.snapStart()) {
            parameters.put(CODE_SHA256, parameter("Base64 SHA-256 of the deployment jar; a new value publishes a version"));
        }
        return parameters;
    }

    private static Map<String, Object> parameter(String description) {
        return properties("Type", "String", "Description", description);
    }

    private void addFunction(FunctionDefinition function, StreamArnResolver streams,
                             Map<String, CfnResource> resources) {
        String id = LogicalIds.of(function.name());
        String physicalName = config.physicalFunctionName(function.name());
        boolean named = physicalName.length() <= MAX_FUNCTION_NAME;
        List<String> streamArns = function.triggers().stream().map(t -> streamArnOf(t, streams)).toList();

        // A named function's log group is named up front; otherwise it follows the name CloudFormation picks,
        // which makes it depend on the function, so its permissions move to a policy created after both.
        Object logGroupName = named ? "/aws/lambda/" + physicalName : Fn.sub("/aws/lambda/${" + id + "Function}");
        resources.put(id + "LogGroup", new CfnResource("AWS::Logs::LogGroup", properties(
                "LogGroupName", logGroupName, "RetentionInDays", settings.logRetentionDays())));

        List<Map<String, Object>> statements = new ArrayList<>();
        if (!settings.replaceDefaultPolicy()) {
            statements.addAll(RolePolicy.streamStatements(new ArrayList<>(new LinkedHashSet<>(streamArns))));
            if (named) {
                statements.add(RolePolicy.logStatement(Fn.getAtt(id + "LogGroup", "Arn")));
            }
            List<String> destinations = function.triggers().stream().map(TriggerDefinition::onFailure)
                    .filter(d -> !d.isEmpty()).distinct().toList();
            for (int i = 0; i < destinations.size(); i++) {
                statements.addAll(RolePolicy.destinationStatements(destinations.get(i), i + 1));
            }
        }
        statements.addAll(settings.policyStatementsFor(function.name()));
        Map<String, Object> role = properties("AssumeRolePolicyDocument", RolePolicy.assumedByLambda());
        if (!statements.isEmpty()) {
            role.put("Policies", List.of(properties("PolicyName", "jets-function",
                    "PolicyDocument", RolePolicy.document(statements))));
        }
        resources.put(id + "Role", new CfnResource("AWS::IAM::Role", role));

        List<String> mappingDependencies = new ArrayList<>();
        if (!named && !settings.replaceDefaultPolicy()) {
            resources.put(id + "LogsPolicy", new CfnResource("AWS::IAM::Policy", properties(
                    "PolicyName", "jets-function-logs",
                    "PolicyDocument", RolePolicy.document(List.of(
                            RolePolicy.logStatement(Fn.getAtt(id + "LogGroup", "Arn")))),
                    "Roles", List.of(Fn.ref(id + "Role")))));
            mappingDependencies.add(id + "LogsPolicy");
        }

        resources.put(id + "Function", new CfnResource("AWS::Lambda::Function", functionProperties(
                function, named ? physicalName : null, id), named ? List.of(id + "LogGroup") : List.of()));

        Object target = Fn.ref(id + "Function");
        if (settings.snapStart()) {
            resources.put(id + "Version", new CfnResource("AWS::Lambda::Version", properties(
                    "FunctionName", Fn.ref(id + "Function"), "CodeSha256", Fn.ref(CODE_SHA256))));
            target = Fn.ref(id + "Version");
        }
        for (int i = 0; i < function.triggers().size(); i++) {
            // The first mapping keeps its ID when triggers are added, so adding one never replaces it.
            String mappingId = id + "EventSourceMapping" + (i == 0 ? "" : String.valueOf(i + 1));
            resources.put(mappingId, new CfnResource("AWS::Lambda::EventSourceMapping",
                    EventSourceMappingProperties.of(function.triggers().get(i), streamArns.get(i), target),
                    mappingDependencies));
        }
    }

    private Map<String, Object> functionProperties(FunctionDefinition function, String physicalName, String id) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (physicalName != null) {
            properties.put("FunctionName", physicalName);
        }
        properties.put("Description", function.description().isEmpty()
                ? "Jets function " + function.name() + " (" + function.className() + "#" + function.methodName() + ")"
                : function.description());
        properties.put("Runtime", settings.runtime());
        properties.put("Handler", HANDLER);
        properties.put("Code", properties("S3Bucket", Fn.ref(CODE_BUCKET), "S3Key", Fn.ref(CODE_KEY)));
        properties.put("Role", Fn.getAtt(id + "Role", "Arn"));
        properties.put("MemorySize", config.memorySize(function));
        properties.put("Timeout", config.timeoutSeconds(function));
        Map<String, Object> variables = new TreeMap<>(settings.environment());
        variables.putAll(function.environment());
        variables.put(LambdaHandler.FUNCTION_VARIABLE, function.name());
        variables.put("JETS_ENV", config.env());
        properties.put("Environment", Map.of("Variables", variables));
        if (settings.snapStart()) {
            properties.put("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        }
        return properties;
    }

    private static String streamArnOf(TriggerDefinition trigger, StreamArnResolver streams) {
        if (trigger.isStreamArn()) {
            return trigger.source();
        }
        return streams.streamArn(trigger);
    }

    private static void requireDistinctLogicalIds(List<FunctionDefinition> functions) {
        Map<String, String> seen = new HashMap<>();
        for (FunctionDefinition function : functions) {
            String other = seen.put(LogicalIds.of(function.name()), function.name());
            if (other != null) {
                throw new DeployException("Functions " + other + " and " + function.name()
                        + " both become the CloudFormation ID " + LogicalIds.of(function.name())
                        + "; rename one of the methods");
            }
        }
    }

    private static Map<String, Object> properties(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
