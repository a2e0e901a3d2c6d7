package io.jets.cli.app;

import io.jets.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Runs Maven in the application directory and keeps its output. */
public final class MavenRunner {

    private final String executable;
    private final Path directory;

    public MavenRunner(String executable, Path directory) {
        this.executable = executable;
        this.directory = directory;
    }

    /**
     * The outcome of one Maven run.
     *
     * @param exitCode Maven's exit code
     * @param output   stdout and stderr, interleaved
     */
    public record Result(int exitCode, String output) {

        private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The compiler's messages without Maven's help footer: what a user needs to fix the build. */
        public String errors() {
            Set<String> lines = new LinkedHashSet<>(); // Maven repeats each compiler error in its summary
            // Maven 3.8 writes colour resets (ESC[0m) even with -B and -Dstyle.color=never
            for (String line : ANSI_ESCAPE.matcher(output).replaceAll("").split("\\R")) {
                if (line.startsWith("[ERROR] -> [Help") || line.startsWith("[ERROR] Re-run Maven")
                        || line.startsWith("[ERROR] For more information") || line.startsWith("[ERROR] [Help")
                        || line.startsWith("[ERROR] To see the full stack trace") || line.isBlank()
                        || line.equals("[ERROR] ")) {
                    continue;
                }
                lines.add(line);
            }
            return String.join(System.lineSeparator(), lines).strip();
        }

        public Result orThrow(String what) {
            if (!succeeded()) {
                throw new CliException(what + " (mvn exited with " + exitCode + "):" + System.lineSeparator() + errors());
            }
            return this;
        }
    }

    public Result run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close(); // Maven never waits for input in batch mode
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new CliException("Cannot run " + executable + " in " + directory + ": " + e.getMessage()
                    + ". Install Maven, or set " + MavenApp.MAVEN_VARIABLE + " to its path.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
