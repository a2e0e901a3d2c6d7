package io.jets.deploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class files are compiled here with {@code --release 17}, the newest release the build's JDK 17 produces; a class
 * "compiled for Java 21 or 25" is one of those with the header's major version patched to 65 or 69, which is all a
 * JVM reads to decide whether it can load the class.
 */
class NewestClassTest {

    @TempDir
    Path dir;

    @Test
    void in_classesCompiledForJava17_reportsClassFileVersion61() throws Exception {
        Path classes = compile("demo.events.ClerkEvent", "demo.Order");

        assertThat(NewestClass.in(classes)).contains(new NewestClass("demo.Order", 61));
        assertThat(NewestClass.in(classes).orElseThrow().javaVersion()).isEqualTo(17);
    }

    @Test
    void in_oneClassForANewerJava_reportsThatClassAndItsRelease() throws Exception {
        Path classes = compile("demo.events.ClerkEvent", "demo.Order", "demo.Zebra");
        patchMajorVersion(classes.resolve("demo/events/ClerkEvent.class"), 65);

        NewestClass newest = NewestClass.in(classes).orElseThrow();

        assertThat(newest).isEqualTo(new NewestClass("demo.events.ClerkEvent", 65));
        assertThat(newest.javaVersion()).isEqualTo(21);
    }

    @Test
    void in_twoClassesOfTheNewestRelease_reportsTheFirstInPathOrder() throws Exception {
        Path classes = compile("demo.b.Second", "demo.a.First", "demo.Older");
        patchMajorVersion(classes.resolve("demo/b/Second.class"), 69);
        patchMajorVersion(classes.resolve("demo/a/First.class"), 69);

        assertThat(NewestClass.in(classes)).contains(new NewestClass("demo.a.First", 69));
        assertThat(NewestClass.in(classes).orElseThrow().javaVersion()).isEqualTo(25);
    }

    @Test
    void in_leavesOutMultiReleaseVariantsModuleInfoAndFilesThatAreNoClassFiles() throws Exception {
        Path classes = compile("demo.Order");
        Path variant = classes.resolve("META-INF/versions/25/demo/Order.class");
        Files.createDirectories(variant.getParent());
        Files.copy(classes.resolve("demo/Order.class"), variant);
        patchMajorVersion(variant, 69);
        Files.copy(classes.resolve("demo/Order.class"), classes.resolve("module-info.class"));
        patchMajorVersion(classes.resolve("module-info.class"), 69);
        Files.writeString(classes.resolve("demo/notes.class"), "not a class file, but named like one");
        Files.write(classes.resolve("demo/Short.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});

        assertThat(NewestClass.in(classes)).contains(new NewestClass("demo.Order", 61));
    }

    @Test
    void in_directoryWithoutClasses_orMissing_isEmpty() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("jets.properties"), "project.name=demo\n");

        assertThat(NewestClass.in(classes)).isEmpty();
        assertThat(NewestClass.in(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void newestClass_withAMajorVersionBeforeJava1_1_isRejected() {
        assertThatThrownBy(() -> new NewestClass("demo.Order", 44))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("majorVersion must be 45 (Java 1.1) or more, got: 44");
    }

    /** Compiles an empty public class per name into {@code dir/classes} with {@code --release 17}. */
    private Path compile(String... classNames) throws IOException {
        Path sources = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String[] args = new String[classNames.length + 4];
        args[0] = "-d";
        args[1] = classes.toString();
        args[2] = "--release";
        args[3] = "17";
        for (int i = 0; i < classNames.length; i++) {
            String name = classNames[i];
            int dot = name.lastIndexOf('.');
            Path source = sources.resolve(name.replace('.', '/') + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "package " + name.substring(0, dot) + ";\n\npublic class "
                    + name.substring(dot + 1) + " {\n}\n");
            args[i + 4] = source.toString();
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args)).as("javac").isZero();
        return classes;
    }

    /** Rewrites the class file header's major_version (bytes 6 and 7, after the magic and minor_version). */
    static void patchMajorVersion(Path classFile, int major) throws IOException {
        byte[] bytes = Files.readAllBytes(classFile);
        bytes[6] = (byte) (major >> 8);
        bytes[7] = (byte) major;
        Files.write(classFile, bytes);
    }
}
