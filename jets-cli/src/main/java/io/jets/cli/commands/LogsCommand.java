package io.jets.cli.commands;

import io.jets.cli.CliException;
import io.jets.cli.JetsCommand;
import io.jets.cli.Project;
import io.jets.runtime.local.logs.LocalLogs;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.logs.CloudLogs;
import io.jets.deploy.stack.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jets logs -f -n clerk_event-file}: what a function logged. Reads the local logs written by
 * {@code jets dev} ({@code .jets/logs/<function>.log}); with {@code --aws}, the deployed function's CloudWatch
 * log group ({@code /aws/lambda/demo-dev-clerk_event-file}).
 */
@Command(name = "logs", description = "Prints a function's logs: local (jets dev) by default, CloudWatch with --aws.")
public final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--name"}, paramLabel = "FUNCTION",
            description = "Function name (clerk_event-file); optional when the project has one function with logs.")
    String function;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new log lines until stopped.")
    boolean follow;

    @Option(names = "--since", defaultValue = "10m", paramLabel = "WHEN",
            description = "From how long ago: 30s, 10m (default), 2h, 1d, or a time (2026-11-25T12:00:00Z).")
    String since;

    @Option(names = "--aws", description = "Read the deployed function's CloudWatch logs instead of the local ones.")
    boolean aws;

    @Option(names = "--filter-pattern", paramLabel = "PATTERN", description = "CloudWatch filter pattern (with --aws).")
    String filterPattern;

    @Option(names = "--refresh-rate", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between polls when following CloudWatch (with --aws; default 2).")
    int refreshRate;

    @Mixin
    AwsTarget target = new AwsTarget();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project project = root.workspace().project();
        Instant from = Since.parse(since, root.workspace().clock());
        if (aws) {
            return cloudWatch(out, project, from);
        }
        String name = functionOrOnly(project);
        LocalLogs logs = LocalLogs.in(project.stateDirectory());
        if (!Files.exists(LocalLogs.file(project.stateDirectory(), name))) {
            // said before following too: a mistyped -n would otherwise wait in silence
            List<String> known = functionsWithLogs(project.logsDirectory());
            PrintWriter err = spec.commandLine().getErr();
            err.println("No local logs for " + name + " yet. Run jets dev and change an item in its table, or add "
                    + "--aws for the deployed function." + (known.isEmpty() ? ""
                    : " Functions with local logs: " + String.join(", ", known) + "."));
            err.flush();
        }
        if (follow) {
            logs.follow(name, from, line -> {
                out.println(format(line));
                out.flush();
            });
            return 0;
        }
        List<String> lines = logs.read(name, from);
        lines.forEach(line -> out.println(format(line)));
        out.flush();
        return 0;
    }

    /** The deployed function's log group, {@code /aws/lambda/<namespace>-<function>}, through CloudWatch Logs. */
    private int cloudWatch(PrintWriter out, Project project, Instant from) {
        if (function == null) {
            throw new CliException("Which function? Name it with -n, for example: jets logs --aws -n clerk_event-file");
        }
        String group = project.config().logGroupName(function);
        try (AwsClients clients = AwsClients.create(target.settings(root.workspace().environment()))) {
            CloudLogs logs = new CloudLogs(clients.logs(), Sleeper.REAL);
            Optional<String> pattern = Optional.ofNullable(filterPattern);
            if (follow) {
                logs.follow(group, from, pattern, Duration.ofSeconds(Math.max(1, refreshRate)), line -> {
                    out.println(line.format());
                    out.flush();
                }, () -> !Thread.currentThread().isInterrupted());
            } else {
                logs.fetch(group, from, pattern).forEach(line -> out.println(line.format()));
            }
        }
        out.flush();
        return 0;
    }

    /** {@code <timestamp>\t<message>} → {@code <timestamp> <message>}, as Jets prints CloudWatch events. */
    static String format(String line) {
        return line.replaceFirst("\t", " ");
    }

    private String functionOrOnly(Project project) {
        if (function != null) {
            return function;
        }
        List<String> known = functionsWithLogs(project.logsDirectory());
        if (known.size() == 1) {
            return known.get(0);
        }
        throw new CliException("Which function? Name it with -n" + (known.isEmpty() ? ", for example: -n clerk_event-file"
                : "; functions with local logs: " + String.join(", ", known)));
    }

    private static List<String> functionsWithLogs(Path logsDirectory) {
        if (!Files.isDirectory(logsDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logsDirectory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".log"))
                    .map(n -> n.substring(0, n.length() - ".log".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
