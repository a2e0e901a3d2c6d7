package io.jets.cli;

/** Entry point of the {@code jets} command, started by the {@code ./jets} launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = JetsCommand.commandLine(Workspace.current()).execute(args);
        // jets dev and jets logs -f return only when interrupted; everything else exits with its code.
        System.exit(exitCode);
    }
}
