package io.jets.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    Path source;

    @BeforeEach
    void tree() throws Exception {
        source = Files.createDirectories(dir.resolve("src/main/java/demo")).resolve("ClerkEvent.java");
        Files.writeString(source, "class ClerkEvent {}");
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-11-25T12:00:00Z")));
    }

    @Test
    void anUntouchedTree_keepsItsFingerprint() {
        assertThat(Fingerprint.of(dir)).isEqualTo(Fingerprint.of(dir));
    }

    @Test
    void anEditedFile_changesIt() throws Exception {
        long before = Fingerprint.of(dir);
        Files.writeString(source, "class ClerkEvent { }");
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-11-25T12:00:01Z")));

        assertThat(Fingerprint.of(dir)).isNotEqualTo(before);
    }

    @Test
    void aNewFileInANewDirectory_changesIt() throws Exception {
        long before = Fingerprint.of(dir);
        Files.writeString(Files.createDirectories(dir.resolve("src/main/java/demo/more")).resolve("Other.java"), "x");

        assertThat(Fingerprint.of(dir)).isNotEqualTo(before);
    }

    @Test
    void aDeletedFile_changesIt() throws Exception {
        long before = Fingerprint.of(dir);
        Files.delete(source);

        assertThat(Fingerprint.of(dir)).isNotEqualTo(before);
    }

    @Test
    void aMissingDirectory_hasAFingerprintToo() {
        assertThat(Fingerprint.of(dir.resolve("target/classes"))).isEqualTo(Fingerprint.of(dir.resolve("nope")));
    }
}
