package io.jets.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with {@code src/test/resources/golden/NAME}. Run with {@code -Djets.golden.update=true}
 * to rewrite the files after an intended change, then review the diff.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("jets.golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file %s", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    private Golden() {
    }
}
