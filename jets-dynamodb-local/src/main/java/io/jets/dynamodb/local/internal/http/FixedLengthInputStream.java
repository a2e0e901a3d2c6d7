package io.jets.dynamodb.local.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;

/** At most {@code remaining} bytes of the connection: one request's body. */
final class FixedLengthInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    FixedLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int c = in.read();
        if (c == -1) {
            throw new SocketException("connection closed inside a request body");
        }
        remaining--;
        return c;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n == -1) {
            throw new SocketException("connection closed inside a request body");
        }
        remaining -= n;
        return n;
    }

    /** How many bytes of the body are left to read. */
    long remaining() {
        return remaining;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    /** Whatever the handler left unread is skipped, so the next request starts where it should. */
    @Override
    public void close() throws IOException {
        while (remaining > 0) {
            if (skip(remaining) <= 0 && read() == -1) {
                return;
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }
}
