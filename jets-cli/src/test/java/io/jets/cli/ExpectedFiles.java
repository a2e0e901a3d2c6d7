package io.jets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares generated files with the expected ones under {@code src/test/resources/expected/<case>/}. A
 * {@code .gitignore} is kept there as {@code _gitignore} so it does not act on the test resources themselves.
 */
public final class ExpectedFiles {

    private ExpectedFiles() {
    }

    public static void assertTreeMatches(Path generatedRoot, String expectedCase, List<String> paths) throws IOException {
        try (Stream<Path> files = Files.walk(generatedRoot)) {
            List<String> generated = files.filter(Files::isRegularFile)
                    .map(f -> generatedRoot.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            assertThat(generated).containsExactlyInAnyOrderElementsOf(paths);
        }
        for (String path : paths) {
            assertThat(Files.readString(generatedRoot.resolve(path)))
                    .as(path)
                    .isEqualTo(expected(expectedCase, path));
        }
    }

    public static String expected(String expectedCase, String path) throws IOException {
        String resource = "/expected/" + expectedCase + "/" + path.replace(".gitignore", "_gitignore");
        try (InputStream in = ExpectedFiles.class.getResourceAsStream(resource)) {
            assertThat(in).as("expected file " + resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
