package io.jets.deploy.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.deploy.DeployException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deployment settings from {@code jets.properties}, validated with AWS's ranges:
 *
 * <pre>
 * functions.runtime=java17                 # or java21
 * functions.snap_start=false               # SnapStart on published versions
 * functions.log_retention_days=30          # a CloudWatch Logs retention value
 * functions.environment.STAGE=beta         # added to every function's environment
 * iam.policy_statements=[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]
 * iam.policy_statements.clerk_event-file=[…]   # for one function only
 * iam.replace_default_policy=false         # true: only the statements above, none generated
 * </pre>
 *
 * A function's timeout and memory size ({@code functions.timeout}, {@code functions.memory_size}) are the same
 * locally and on AWS, so {@link io.jets.core.config.ProjectConfig} resolves them for every command.
 */
public record DeploySettings(String runtime, boolean snapStart,
                             int logRetentionDays, Map<String, String> environment,
                             List<Map<String, Object>> policyStatements,
                             Map<String, List<Map<String, Object>>> functionPolicyStatements,
                             boolean replaceDefaultPolicy) {

    public static final Set<String> RUNTIMES = Set.of("java17", "java21");
    /** The values PutRetentionPolicy accepts. */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENV_PREFIX = "functions.environment.";
    private static final String STATEMENTS = "iam.policy_statements";

    public DeploySettings {
        if (!RUNTIMES.contains(runtime)) {
            throw new DeployException("functions.runtime must be java17 or java21, got: " + runtime);
        }
        if (!RETENTION_DAYS.contains(logRetentionDays)) {
            throw new DeployException("functions.log_retention_days must be one of " + RETENTION_DAYS + ", got: "
                    + logRetentionDays);
        }
        environment = Map.copyOf(environment);
        policyStatements = List.copyOf(policyStatements);
        functionPolicyStatements = Map.copyOf(functionPolicyStatements);
    }

    /** Jets' defaults: java17, no SnapStart, 30 days of logs, the generated policy only. */
    public static DeploySettings defaults() {
        return from(Map.of());
    }

    public static DeploySettings from(Map<String, String> properties) {
        Map<String, String> environment = new TreeMap<>();
        Map<String, List<Map<String, Object>>> functionStatements = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(ENV_PREFIX)) {
                environment.put(key.substring(ENV_PREFIX.length()), value);
            } else if (key.startsWith(STATEMENTS + ".")) {
                functionStatements.put(key.substring(STATEMENTS.length() + 1), statements(key, value));
            }
        });
        return new DeploySettings(
                properties.getOrDefault("functions.runtime", "java17").trim(),
                bool(properties, "functions.snap_start"),
                integer(properties, "functions.log_retention_days", 30),
                environment,
                properties.containsKey(STATEMENTS) ? statements(STATEMENTS, properties.get(STATEMENTS)) : List.of(),
                functionStatements,
                bool(properties, "iam.replace_default_policy"));
    }

    /** The project's statements followed by the function's own. */
    public List<Map<String, Object>> policyStatementsFor(String functionName) {
        List<Map<String, Object>> own = functionPolicyStatements.getOrDefault(functionName, List.of());
        return java.util.stream.Stream.concat(policyStatements.stream(), own.stream()).toList();
    }

    private static List<Map<String, Object>> statements(String key, String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        } catch (Exception e) {
            throw new DeployException(key + " must be a JSON array of IAM policy statements, got: " + json);
        }
    }

    private static int integer(Map<String, String> properties, String key, int fallback) {
        String value = properties.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DeployException(key + " must be a whole number, got: " + value);
        }
    }

    private static boolean bool(Map<String, String> properties, String key) {
        String value = properties.getOrDefault(key, "false").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new DeployException(key + " must be true or false, got: " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
