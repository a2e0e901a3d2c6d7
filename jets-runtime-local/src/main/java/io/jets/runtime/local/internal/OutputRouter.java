package io.jets.runtime.local.internal;

import io.jets.runtime.local.logs.FunctionLogWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends what a handler prints to {@code System.out}/{@code System.err} to its own function's log, so functions
 * running at the same time never mix their output. Installed once per runtime; threads not running a handler
 * keep printing where they did before. Threads a handler starts inherit its log.
 */
public final class OutputRouter implements AutoCloseable {

    private final InheritableThreadLocal<FunctionLogWriter> target = new InheritableThreadLocal<>();
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final Routing out;
    private final Routing err;
    private final PrintStream routedOut;
    private final PrintStream routedErr;

    private OutputRouter() {
        this.originalOut = System.out;
        this.originalErr = System.err;
        this.out = new Routing(originalOut);
        this.err = new Routing(originalErr);
        this.routedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.routedErr = new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    /** Replaces {@code System.out} and {@code System.err} until {@link #close()}. */
    public static OutputRouter install() {
        OutputRouter router = new OutputRouter();
        System.setOut(router.routedOut);
        System.setErr(router.routedErr);
        return router;
    }

    /** Routes the current thread's (and its future children's) output to {@code log}. */
    public void routeTo(FunctionLogWriter log) {
        target.set(log);
    }

    /** Writes the current thread's unfinished lines to its log and stops routing it. */
    public void endRoute() {
        routedOut.flush();
        routedErr.flush();
        FunctionLogWriter log = target.get();
        if (log != null) {
            out.drain(log);
            err.drain(log);
        }
        target.remove();
    }

    @Override
    public void close() {
        routedOut.flush();
        routedErr.flush();
        if (System.out == routedOut) {
            System.setOut(originalOut);
        }
        if (System.err == routedErr) {
            System.setErr(originalErr);
        }
    }

    /** Buffers each thread's bytes up to a line end, then writes the line as one log event. */
    private final class Routing extends OutputStream {
        private final PrintStream fallback;
        private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        Routing(PrintStream fallback) {
            this.fallback = fallback;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            FunctionLogWriter log = target.get();
            if (log == null) {
                fallback.write(bytes, offset, length);
                return;
            }
            ByteArrayOutputStream buffer = line.get();
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    emit(log, buffer);
                } else {
                    buffer.write(bytes[i]);
                }
            }
        }

        @Override
        public void flush() {
            // A routed partial line stays buffered until its end or the end of the invocation.
            if (target.get() == null) {
                fallback.flush();
            }
        }

        void drain(FunctionLogWriter log) {
            ByteArrayOutputStream buffer = line.get();
            if (buffer.size() > 0) {
                emit(log, buffer);
            }
            line.remove();
        }

        private void emit(FunctionLogWriter log, ByteArrayOutputStream buffer) {
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            log.write(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
