package io.jets.dynamodb.local.internal.http;

import java.io.ByteArrayOutputStream;

/**
 * The bytes of one answer, written by the thread that serves the request and kept by it for the next one: a
 * 100-item Query answers about 100 KB, which would otherwise be allocated, grown by copying and copied again at
 * every step between the JSON writer and the socket. A buffer grown past {@value #KEPT_BYTES} bytes (a full 1 MB
 * Query or Scan page, a large BatchGetItem) is left to the garbage collector after its answer, so that a server
 * with many open connections does not keep a megabyte for each.
 */
final class ResponseBuffer extends ByteArrayOutputStream {

    private static final int KEPT_BYTES = 256 * 1024;
    private static final ThreadLocal<ResponseBuffer> BUFFERS = ThreadLocal.withInitial(ResponseBuffer::new);

    private ResponseBuffer() {
        super(8 * 1024);
    }

    /** This thread's buffer, emptied; what it holds stays valid until the thread takes it again. */
    static ResponseBuffer take() {
        ResponseBuffer buffer = BUFFERS.get();
        buffer.reset();
        return buffer;
    }

    /** After an answer has been written: a buffer that grew past the kept size is let go. */
    static void release() {
        if (BUFFERS.get().buf.length > KEPT_BYTES) {
            BUFFERS.remove();
        }
    }

    /** The array behind the buffer: its first {@link #size()} bytes are the answer. */
    byte[] array() {
        return buf;
    }
}
