package io.jets.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MavenRunnerTest {

    private static final String NL = System.lineSeparator();

    @Test
    void errors_withoutTheColourResetsMavenWritesInBatchMode() {
        // mvn -q -B -Dstyle.color=never compile, Maven 3.8.7, as jets dev captured it
        String output = "\u001B[0m\u001B[0m[ERROR] COMPILATION ERROR : \n"
                + "[ERROR] /app/src/main/java/demo/events/ClerkEvent.java:[11,36] ';' expected\n"
                + "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile "
                + "(default-compile) on project demo: Compilation failure\n"
                + "[ERROR] /app/src/main/java/demo/events/ClerkEvent.java:[11,36] ';' expected\n"
                + "[ERROR] -> [Help 1]\n"
                + "\u001B[0m\u001B[0m\n";

        String errors = new MavenRunner.Result(1, output).errors();

        assertThat(errors).isEqualTo("[ERROR] COMPILATION ERROR : " + NL
                + "[ERROR] /app/src/main/java/demo/events/ClerkEvent.java:[11,36] ';' expected" + NL
                + "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile "
                + "(default-compile) on project demo: Compilation failure");
    }
}
