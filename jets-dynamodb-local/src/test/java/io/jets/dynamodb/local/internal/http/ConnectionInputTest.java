package io.jets.dynamodb.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request and header lines as the server reads them off a connection. */
class ConnectionInputTest {

    @Test
    void lines_endWithCrLfOrABareLf_andLeaveTheBodyUnread() throws IOException {
        ConnectionInput in = input("POST / HTTP/1.1\r\nHost: x\nContent-Length: 2\r\n\r\n{}", 1024);

        assertThat(in.readLine(100)).isEqualTo("POST / HTTP/1.1");
        assertThat(in.readLine(100)).isEqualTo("Host: x");
        assertThat(in.readLine(100)).isEqualTo("Content-Length: 2");
        assertThat(in.readLine(100)).isEmpty();
        assertThat(new String(in.readNBytes(2), StandardCharsets.ISO_8859_1)).isEqualTo("{}");
        assertThat(in.readLine(100)).isNull();
    }

    @Test
    void lineArrivingInPieces_isReadWhole_evenWhenItsCrAndLfArriveApart() throws IOException {
        ConnectionInput in = input("X-Amz-Target: DynamoDB_20120810.PutItem\r\nnext\r\n", 3);

        assertThat(in.readLine(100)).isEqualTo("X-Amz-Target: DynamoDB_20120810.PutItem");
        assertThat(in.readLine(100)).isEqualTo("next");
    }

    @Test
    void eachByteIsOneCharacter() throws IOException {
        ConnectionInput in = new ConnectionInput(new ByteArrayInputStream(new byte[] {'a', (byte) 0xe9, '\r', '\n'}));

        assertThat(in.readLine(100)).isEqualTo("a\u00e9");
    }

    @Test
    void streamEndingInsideALine_givesWhatCame_thenNull() throws IOException {
        ConnectionInput in = input("partial", 2);

        assertThat(in.readLine(100)).isEqualTo("partial");
        assertThat(in.readLine(100)).isNull();
    }

    @Test
    void lineLongerThanTheLimit_fails_itsCrCounted() throws IOException {
        assertThat(input("x".repeat(10) + "\r\n", 4).readLine(10)).hasSize(10);
        assertThat(input("x".repeat(11) + "\n", 4).readLine(10)).hasSize(11);
        assertThatThrownBy(() -> input("x".repeat(11) + "\r\n", 4).readLine(10))
                .isInstanceOf(IOException.class).hasMessage("header line too long");
    }

    /** {@code text} as a connection delivers it, at most {@code piece} bytes per read. */
    private static ConnectionInput input(String text, int piece) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new ConnectionInput(new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < bytes.length ? bytes[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (position >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(length, piece), bytes.length - position);
                System.arraycopy(bytes, position, target, offset, n);
                position += n;
                return n;
            }
        });
    }
}
