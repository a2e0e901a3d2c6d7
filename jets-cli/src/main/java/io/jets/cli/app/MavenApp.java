package io.jets.cli.app;

import io.jets.cli.CliException;
import io.jets.cli.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's application built with Maven: compiles it, knows its classes and runtime classpath, and loads it
 * into a fresh class loader. Used by {@code jets dev}, {@code jets call} and the deploy commands.
 *
 * <pre>{@code
 * MavenApp app = MavenApp.of(project, System.getenv());
 * app.compile().orThrow();
 * try (AppClassLoader loader = app.newClassLoader()) {
 *     FunctionDispatcher dispatcher = FunctionDispatcher.create(loader, HandlerIndex.load(loader));
 * }
 * }</pre>
 */
public final class MavenApp {

    /** Environment variable naming the Maven executable (default {@code mvn} on the PATH). */
    public static final String MAVEN_VARIABLE = "JETS_MVN";
    /** The file in {@code .jets/out} that keeps the runtime classpath until the pom changes. */
    public static final String RUNTIME_CLASSPATH = "runtime-classpath.txt";
    /** The file in {@code .jets/out} that records what the last successful compile read. */
    public static final String COMPILED_SOURCES = "compiled-sources.txt";

    private static final String BUILD_CLASSPATH =
            "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

    private final Path root;
    private final Path stateDirectory;
    private final MavenRunner maven;

    MavenApp(Path root, Path stateDirectory, MavenRunner maven) {
        this.root = root;
        this.stateDirectory = stateDirectory;
        this.maven = maven;
    }

    public static MavenApp of(Project project, Map<String, String> environment) {
        String executable = environment.getOrDefault(MAVEN_VARIABLE, "mvn");
        return new MavenApp(project.root(), project.stateDirectory(), new MavenRunner(executable, project.root()));
    }

    public Path root() {
        return root;
    }

    /** {@code target/classes}: the compiled application with its handler index. */
    public Path classesDirectory() {
        return root.resolve("target").resolve("classes");
    }

    /**
     * Runs {@code mvn -q -B compile}; the result holds Maven's output, the compiler errors on failure. A compile
     * that succeeds records what it read ({@link #sourcesFingerprint}) for {@link #compiledAndUnchanged}.
     */
    public MavenRunner.Result compile() {
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new CliException("No pom.xml in " + root + ". Jets builds applications with Maven: "
                    + "create a project with jets new NAME, or add a pom.xml depending on io.jets:jets-core");
        }
        long before = sourcesFingerprint();
        MavenRunner.Result result = maven.run(List.of("-q", "-B", "-Dstyle.color=never", "compile"));
        if (result.succeeded()) {
            writeCompiledSources(before);
        }
        return result;
    }

    /**
     * Whether {@code target/classes} is what {@link #compile} made of the sources as they are now: the last
     * compile here succeeded, and neither the pom, nor a file under {@code src/main}, nor a dependency jar has
     * been added, removed or rewritten since. Then {@code mvn compile} would change nothing but cost seconds.
     */
    public boolean compiledAndUnchanged() {
        Path recorded = compiledSourcesFile();
        if (!Files.isDirectory(classesDirectory()) || !Files.isRegularFile(recorded)) {
            return false;
        }
        try {
            return Files.readString(recorded, StandardCharsets.UTF_8).strip()
                    .equals(Long.toString(sourcesFingerprint()));
        } catch (IOException e) {
            return false; // unreadable: compile, as if never recorded
        }
    }

    /** The pom, {@code src/main} and the known dependency jars: names, sizes and times ({@link Fingerprint}). */
    public long sourcesFingerprint() {
        List<Path> inputs = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve("src").resolve("main")));
        Path dependencies = dependenciesFile();
        if (Files.isRegularFile(dependencies)) {
            try {
                inputs.addAll(parseClasspath(Files.readString(dependencies, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + dependencies + ": " + e.getMessage(), e);
            }
        }
        return Fingerprint.of(inputs.toArray(Path[]::new));
    }

    private void writeCompiledSources(long fingerprint) {
        Path recorded = compiledSourcesFile();
        try {
            Files.createDirectories(recorded.getParent());
            Files.writeString(recorded, Long.toString(fingerprint), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + recorded + ": " + e.getMessage(), e);
        }
    }

    private Path compiledSourcesFile() {
        return stateDirectory.resolve("out").resolve(COMPILED_SOURCES);
    }

    private Path dependenciesFile() {
        return stateDirectory.resolve("out").resolve(RUNTIME_CLASSPATH);
    }

    /**
     * The application's runtime dependencies (jars), without its own classes: compile and runtime scope only,
     * so test libraries reach neither the local runtime nor the deployment jar. Asking Maven takes seconds, so
     * the answer is kept in {@code .jets/out/runtime-classpath.txt} until the pom changes.
     */
    public List<Path> dependencies() {
        Path cache = dependenciesFile();
        Path pom = root.resolve("pom.xml");
        try {
            if (!Files.exists(cache) || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(pom)) < 0) {
                Files.createDirectories(cache.getParent());
                MavenRunner.Result result = maven.run(List.of("-q", "-B", "-Dstyle.color=never", BUILD_CLASSPATH,
                        "-Dmdep.outputFile=" + cache.toAbsolutePath(), "-DincludeScope=runtime"));
                result.orThrow("Cannot resolve the runtime dependencies of " + root);
            }
            return parseClasspath(Files.readString(cache, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + cache + ": " + e.getMessage(), e);
        }
    }

    /** {@code target/classes} followed by the runtime dependencies. */
    public List<Path> runtimeClasspath() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(classesDirectory());
        classpath.addAll(dependencies());
        return classpath;
    }

    /** A new loader over the application as compiled now; see {@link SharedApiClassLoader} for what it shares. */
    public AppClassLoader newClassLoader() {
        if (!Files.isDirectory(classesDirectory())) {
            throw new CliException("No compiled classes in " + classesDirectory() + ". Compile with: mvn compile");
        }
        return new AppClassLoader(runtimeClasspath(), MavenApp.class.getClassLoader());
    }

    static List<Path> parseClasspath(String text) {
        List<Path> entries = new ArrayList<>();
        for (String entry : text.strip().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry.strip()));
            }
        }
        return entries;
    }
}
