package io.jets.dynamodb.local.internal.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes key attribute values as byte strings whose unsigned lexicographic order (SQLite's memcmp for BLOBs)
 * is DynamoDB's order: strings and binary by their bytes, numbers numerically.
 *
 * <p>A number is encoded as a sign byte, then (for non-zero values) a two-byte exponent and its decimal digits
 * each shifted to 1..10, closed by a 0 terminator so that a shorter mantissa sorts first; negative numbers
 * invert every byte after the sign so that larger magnitudes sort lower.
 */
public final class KeyEncoding {

    private static final byte NEGATIVE = 1;
    private static final byte ZERO = 2;
    private static final byte POSITIVE = 3;
    private static final int EXPONENT_BIAS = 0x4000;

    private KeyEncoding() {
    }

    /** Encodes a {"S": …}, {"N": …} or {"B": …} key value. */
    public static byte[] encode(JsonNode value) {
        if (value.has("S")) {
            return value.get("S").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (value.has("B")) {
            return Base64.getDecoder().decode(value.get("B").asText());
        }
        if (value.has("N")) {
            return encodeNumber(new BigDecimal(value.get("N").asText()));
        }
        throw new IllegalArgumentException("not a key value: " + value);
    }

    public static byte[] encodeNumber(BigDecimal number) {
        if (number.signum() == 0) {
            return new byte[] {ZERO};
        }
        BigDecimal stripped = number.abs().stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        // value = 0.d1d2…dn × 10^exponent
        int exponent = digits.length() - stripped.scale();
        ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() + 4);
        out.write(number.signum() > 0 ? POSITIVE : NEGATIVE);
        int biased = exponent + EXPONENT_BIAS;
        boolean negative = number.signum() < 0;
        writeByte(out, biased >>> 8, negative);
        writeByte(out, biased & 0xFF, negative);
        for (int i = 0; i < digits.length(); i++) {
            writeByte(out, digits.charAt(i) - '0' + 1, negative);
        }
        writeByte(out, 0, negative);
        return out.toByteArray();
    }

    private static void writeByte(ByteArrayOutputStream out, int value, boolean invert) {
        out.write(invert ? ~value & 0xFF : value);
    }
}
