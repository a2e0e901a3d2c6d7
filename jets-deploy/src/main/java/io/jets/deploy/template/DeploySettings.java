package io.jets.deploy.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.deploy.DeployException;
import io.jets.deploy.build.NewestClass;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Deployment settings from {@code jets.properties}, validated with AWS's ranges:
 *
 * <pre>
 * functions.runtime=java21                 # java17, java17.al2023, java21 or java25; unset: the oldest that
 *                                          # loads the compiled classes (java17 for classes built for Java 17)
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
 *
 * <p>A function compiled for a newer Java than its runtime fails on Lambda at its first invoke with
 * {@code UnsupportedClassVersionError}; {@link #from(Map, Optional)} refuses such a runtime before anything is
 * deployed, naming the class, its Java release and the runtimes that load it.
 */
public record DeploySettings(String runtime, boolean snapStart,
                             int logRetentionDays, Map<String, String> environment,
                             List<Map<String, Object>> policyStatements,
                             Map<String, List<Map<String, Object>>> functionPolicyStatements,
                             boolean replaceDefaultPolicy) {

    /** The values PutRetentionPolicy accepts. */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENV_PREFIX = "functions.environment.";
    private static final String STATEMENTS = "iam.policy_statements";
    private static final String RUNTIME = "functions.runtime";

    public DeploySettings {
        LambdaRuntime.of(runtime);
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

    /** The settings of {@code jets.properties}, with java17 unless {@code functions.runtime} names another. */
    public static DeploySettings from(Map<String, String> properties) {
        return from(properties, Optional.empty());
    }

    /**
     * The settings of {@code jets.properties} for an application whose newest class is {@code newest}: without
     * {@code functions.runtime}, the oldest runtime that loads it (java17 for Java 17 classes, java21 for classes
     * built with {@code --release 21}); a runtime that cannot load it is refused.
     */
    public static DeploySettings from(Map<String, String> properties, Optional<NewestClass> newest) {
        Map<String, String> environment = new TreeMap<>();
        Map<String, List<Map<String, Object>>> functionStatements = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(ENV_PREFIX)) {
                environment.put(key.substring(ENV_PREFIX.length()), value);
            } else if (key.startsWith(STATEMENTS + ".")) {
                functionStatements.put(key.substring(STATEMENTS.length() + 1), statements(key, value));
            }
        });
        String runtime = properties.getOrDefault(RUNTIME, "").trim();
        if (runtime.isEmpty()) {
            runtime = newest.map(DeploySettings::oldestRuntimeLoading).orElse(LambdaRuntime.JAVA17).id();
        }
        DeploySettings settings = new DeploySettings(
                runtime,
                bool(properties, "functions.snap_start"),
                integer(properties, "functions.log_retention_days", 30),
                environment,
                properties.containsKey(STATEMENTS) ? statements(STATEMENTS, properties.get(STATEMENTS)) : List.of(),
                functionStatements,
                bool(properties, "iam.replace_default_policy"));
        newest.ifPresent(settings::requireRuntimeLoads);
        return settings;
    }

    /** The runtime {@link #runtime()} names. */
    public LambdaRuntime lambdaRuntime() {
        return LambdaRuntime.of(runtime);
    }

    private void requireRuntimeLoads(NewestClass newest) {
        LambdaRuntime chosen = lambdaRuntime();
        if (chosen.loads(newest.javaVersion())) {
            return;
        }
        List<String> loading = LambdaRuntime.loading(newest.javaVersion()).stream().map(LambdaRuntime::id).toList();
        if (loading.isEmpty()) {
            throw newerThanEveryRuntime(newest);
        }
        throw new DeployException(compiledFor(newest) + ", which " + RUNTIME + "=" + runtime + " cannot load (Lambda "
                + "would fail with UnsupportedClassVersionError). Set " + RUNTIME + " to " + String.join(" or ", loading)
                + " in jets.properties, or compile with --release " + chosen.javaVersion());
    }

    private static LambdaRuntime oldestRuntimeLoading(NewestClass newest) {
        return LambdaRuntime.oldestLoading(newest.javaVersion()).orElseThrow(() -> newerThanEveryRuntime(newest));
    }

    private static DeployException newerThanEveryRuntime(NewestClass newest) {
        LambdaRuntime latest = LambdaRuntime.values()[LambdaRuntime.values().length - 1];
        return new DeployException(compiledFor(newest) + ", newer than every Lambda Java runtime (the newest is "
                + latest.id() + "). Compile with --release " + latest.javaVersion() + " or lower");
    }

    private static String compiledFor(NewestClass newest) {
        return newest.className() + " is compiled for Java " + newest.javaVersion() + " (class file version "
                + newest.majorVersion() + ")";
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
