package io.jets.dynamodb.local.internal.http;

import java.io.IOException;
import java.io.InputStream;

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

    @Override
    public int available() throws IOException {
        return limit - position + in.available();
    }
}
