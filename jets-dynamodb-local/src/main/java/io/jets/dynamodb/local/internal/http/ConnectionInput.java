package io.jets.dynamodb.local.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The connection's bytes through a buffer of its own: headers are read a byte at a time, and
 * {@code BufferedInputStream} takes a lock for each one.
 */
final class ConnectionInput extends InputStream {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    ConnectionInput(InputStream in) {
        this.in = in;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            if (length >= buffer.length) {
                return in.read(target, offset, length); // a large body skips the copy
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    /**
     * A line without its CRLF (or bare LF), or null at the end of the stream before any byte. Each byte is one
     * character (ISO-8859-1). The line is cut from the buffer in one piece rather than appended byte by byte; a
     * line longer than {@code maxLength} + 1 characters fails.
     */
    String readLine(int maxLength) throws IOException {
        StringBuilder partial = null; // a line that runs past the end of the buffer
        while (true) {
            if (position == limit && !fill()) {
                return partial == null || partial.isEmpty() ? null : partial.toString();
            }
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int length = (partial == null ? 0 : partial.length()) + end - start;
            if (length > maxLength + 1) {
                throw new IOException("header line too long");
            }
            String run = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
            if (end == limit) {
                position = limit;
                partial = (partial == null ? new StringBuilder() : partial).append(run);
                continue;
            }
            position = end + 1;
            String line = partial == null ? run : partial.append(run).toString();
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
    }

    @Override
    public int available() throws IOException {
        return limit - position + in.available();
    }
}
