package io.jets.deploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.deploy.build.DeploymentJar.BuiltJar;
import io.jets.deploy.template.TemplateGenerator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the demo's deployment jar from freshly compiled sources (jets-core's annotation processor writes the
 * handler index) and runs its entry point in a new JVM with nothing but that jar on the classpath, as Lambda
 * would: handler {@link TemplateGenerator#HANDLER}, {@code JETS_FUNCTION} from the template, the seed's payload.
 */
class DeploymentJarIT {

    @TempDir
    Path dir;

    @Test
    void demoJar_runsTheSeedPayloadInAFreshJvm_andStaysUnder5Megabytes() throws Exception {
        Path classes = compileDemo(dir);
        List<Path> runtime = runtimeJarsOfJetsCore();

        BuiltJar jar = DeploymentJar.build(classes, runtime, dir.resolve(".jets/out/demo-dev.jar"));

        assertThat(jar.size()).isLessThanOrEqualTo(5L * 1024 * 1024);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.path().toString(), "demo.LambdaLikeMain", TemplateGenerator.HANDLER)
                .redirectInput(Path.of("src/test/resources/events/seed-modify.json").toFile())
                .redirectErrorStream(true);
        builder.environment().put("JETS_FUNCTION", "clerk_event-file");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("event {\"Records\":[{\"eventID\":\"1a87201789a6e14315b8038ebbd3b99d\","
                + "\"eventName\":\"MODIFY\"");
        assertThat(output).contains("\"NewImage\":{\"name\":{\"S\":\"Tung Nguyen\"},\"id\":{\"S\":\"1\"}}");
    }

    /** Compiles the demo fixture into {@code dir/target/classes}; the handler index is written beside it. */
    static Path compileDemo(Path dir) throws Exception {
        return compileApp("demo", dir);
    }

    /** Compiles the fixture app {@code fixtures/apps/<app>} into {@code dir/target/classes}, with its handler index. */
    static Path compileApp(String app, Path dir) throws Exception {
        Path sources = Path.of("src/test/resources/fixtures/apps", app);
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes);
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "--release", "17"));
        args.addAll(files);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertThat(exit).as("javac of the " + app + " fixture").isZero();
        assertThat(classes.resolve("META-INF/jets/handlers.json")).exists();
        return classes;
    }

    /** jets-core and its runtime dependencies, as Maven resolves them for an application. */
    static List<Path> runtimeJarsOfJetsCore() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("jets-core") || entry.contains("aws-lambda-java-core")
                        || entry.contains("aws-lambda-java-events") || entry.contains("jackson-core")
                        || entry.contains("jackson-databind") || entry.contains("jackson-annotations")
                        || entry.contains("joda-time"))
                .map(Path::of)
                .toList();
    }
}
