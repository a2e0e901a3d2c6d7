package io.jets.deploy.template;

import io.jets.deploy.DeployException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Lambda Java runtimes a Jets function can run on: Lambda's managed Java runtimes from Java 17, the release
 * Jets is compiled for. Each is the {@code Runtime} value of {@code AWS::Lambda::Function} and the Java release whose
 * class files its JVM loads. Lambda supports SnapStart on every Java managed runtime from Java 11, so each of these
 * takes {@code functions.snap_start=true}.
 *
 * <pre>{@code
 * LambdaRuntime runtime = LambdaRuntime.of("java21");   // JAVA21, runs class files up to Java 21 (version 65)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html">Lambda runtimes</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html">Lambda SnapStart</a>
 */
public enum LambdaRuntime {

    JAVA17("java17", 17),
    JAVA17_AL2023("java17.al2023", 17),
    JAVA21("java21", 21),
    JAVA25("java25", 25);

    /** Lambda's Java runtimes below Jets' Java 17: named in the refusal, so that it says why. */
    private static final Set<String> BELOW_JAVA_17 = Set.of("java8", "java8.al2", "java8.al2023", "java11",
            "java11.al2023");

    private final String id;
    private final int javaVersion;

    LambdaRuntime(String id, int javaVersion) {
        this.id = id;
        this.javaVersion = javaVersion;
    }

    /** The value of {@code functions.runtime} and of the function's {@code Runtime}: {@code java17.al2023}. */
    public String id() {
        return id;
    }

    /** The newest Java release whose class files this runtime's JVM loads. */
    public int javaVersion() {
        return javaVersion;
    }

    /** Whether this runtime's JVM loads a class file of Java release {@code javaVersion} (it runs every older one). */
    public boolean loads(int javaVersion) {
        return javaVersion <= this.javaVersion;
    }

    /** {@code java17, java17.al2023, java21, java25}. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(LambdaRuntime::id).toList();
    }

    /** The runtime {@code functions.runtime} names. */
    public static LambdaRuntime of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElseThrow(() -> new DeployException(
                "functions.runtime must be one of " + String.join(", ", ids()) + ", got: " + id
                        + (BELOW_JAVA_17.contains(id) ? " (Jets runs on Java 17 or later)" : "")));
    }

    /** The runtimes that load class files of Java release {@code javaVersion}, oldest first. */
    public static List<LambdaRuntime> loading(int javaVersion) {
        return Arrays.stream(values()).filter(r -> r.loads(javaVersion)).toList();
    }

    /** The oldest runtime that loads class files of Java release {@code javaVersion}: java17 for Java 17. */
    public static Optional<LambdaRuntime> oldestLoading(int javaVersion) {
        return loading(javaVersion).stream().findFirst();
    }
}
