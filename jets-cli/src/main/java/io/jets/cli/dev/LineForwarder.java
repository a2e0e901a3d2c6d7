package io.jets.cli.dev;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} that hands whole lines to a command's writer: the local runtime reports on a stream,
 * while commands print only through their writers.
 */
public final class LineForwarder extends OutputStream {

    private final PrintWriter writer;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LineForwarder(PrintWriter writer) {
        this.writer = writer;
    }

    public static PrintStream to(PrintWriter writer) {
        return new PrintStream(new LineForwarder(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            writer.println(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
