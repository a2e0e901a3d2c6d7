package io.jets.deploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.deploy.DeployException;
import io.jets.deploy.build.DeploymentJar.BuiltJar;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentJarTest {

    @TempDir
    Path dir;

    @Test
    void build_mergesClassesAndJars_concatenatesServicesAndDropsSignatures() throws Exception {
        Path classes = dir.resolve("classes");
        write(classes.resolve("demo/events/ClerkEvent.class"), "app");
        write(classes.resolve("META-INF/jets/handlers.json"), "{\"functions\":[]}");
        write(classes.resolve("META-INF/services/com.example.Spi"), "demo.AppSpi\n");
        Path signed = jar("signed.jar", Map.of(
                "lib/A.class", "a",
                "demo/events/ClerkEvent.class", "dependency copy",
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: lib.A\r\n\r\n",
                "META-INF/SIGNER.SF", "sig", "META-INF/SIGNER.RSA", "sig",
                "META-INF/services/com.example.Spi", "# comment\nlib.LibSpi\ndemo.AppSpi\n",
                "module-info.class", "module"));

        BuiltJar built = DeploymentJar.build(classes, List.of(signed), dir.resolve("out/demo-dev.jar"));

        try (JarFile jar = new JarFile(built.path().toFile())) {
            assertThat(jar.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)).containsExactly(
                    "META-INF/MANIFEST.MF", "META-INF/jets/handlers.json", "META-INF/services/com.example.Spi",
                    "demo/events/ClerkEvent.class", "lib/A.class");
            assertThat(read(jar, "demo/events/ClerkEvent.class")).isEqualTo("app");
            assertThat(read(jar, "META-INF/services/com.example.Spi")).isEqualTo("demo.AppSpi\nlib.LibSpi\n");
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isNull();
        }
        assertThat(built.size()).isEqualTo(Files.size(built.path()));
    }

    @Test
    void build_applicationAndLibraryWithHandlers_mergesTheirHandlerIndexes() throws Exception {
        Path classes = dir.resolve("classes");
        write(classes.resolve("META-INF/jets/handlers.json"),
                "{\"version\":1,\"functions\":[{\"name\":\"clerk_event-file\"}]}");
        Path library = jar("audit.jar", Map.of("META-INF/jets/handlers.json",
                "{\"version\":1,\"functions\":[{\"name\":\"audit_event-orders\"}]}"));

        BuiltJar built = DeploymentJar.build(classes, List.of(library), dir.resolve("out.jar"));

        try (JarFile jar = new JarFile(built.path().toFile())) {
            assertThat(read(jar, "META-INF/jets/handlers.json").replaceAll("\\s", "")).isEqualTo(
                    "{\"version\":1,\"functions\":[{\"name\":\"clerk_event-file\"},{\"name\":\"audit_event-orders\"}]}");
        }
    }

    @Test
    void build_sameInputsTwice_givesTheSameBytes() throws Exception {
        Path classes = dir.resolve("classes");
        write(classes.resolve("demo/A.class"), "a");
        Path lib = jar("lib.jar", Map.of("lib/B.class", "b"));

        BuiltJar first = DeploymentJar.build(classes, List.of(lib), dir.resolve("one.jar"));
        Thread.sleep(1100);
        BuiltJar second = DeploymentJar.build(classes, List.of(lib), dir.resolve("two.jar"));

        assertThat(second.sha256Hex()).isEqualTo(first.sha256Hex()).hasSize(64);
        assertThat(java.util.Base64.getDecoder().decode(first.sha256Base64())).hasSize(32);
    }

    @Test
    void build_withoutClasses_failsSayingHowToCompile() {
        Path missing = dir.resolve("target/classes");

        assertThatThrownBy(() -> DeploymentJar.build(missing, List.of(), dir.resolve("x.jar")))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("No compiled classes in " + missing + ". Compile with: mvn compile");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static String read(JarFile jar, String name) throws IOException {
        return new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
