package io.jets.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** A long-running jets command (jets dev) on its own thread, its output readable while it runs. */
public final class RunningCommand implements AutoCloseable {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exitCode = -1;

    private RunningCommand(Path directory, String... args) {
        CommandLine commandLine = JetsCommand.commandLine(new Workspace(directory, Map.of(), Clock.systemUTC()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> exitCode = commandLine.execute(args), "jets-" + args[0]);
    }

    public static RunningCommand start(Path directory, String... args) {
        RunningCommand command = new RunningCommand(directory, args);
        command.thread.start();
        return command;
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    public int exitCode() {
        return exitCode;
    }

    /** Stops the command as Ctrl-C does (its thread is interrupted) and waits for it to clean up. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(30_000);
    }
}
