package io.jets.dynamodb.local.internal.stream;

import java.math.BigInteger;

/**
 * Stream sequence numbers: the store's record counter shown as a 21-digit numeric string (as DynamoDB's are 21
 * or more digits), increasing with commit order.
 */
public final class SequenceNumbers {

    private static final BigInteger OFFSET = BigInteger.TEN.pow(20);

    private SequenceNumbers() {
    }

    public static String format(long seq) {
        if (seq < 0) {
            return OFFSET.add(BigInteger.valueOf(seq)).toString();
        }
        // 10^20 + seq for any non-negative long: a 1 and seq in 20 zero-padded digits
        char[] digits = new char[21];
        digits[0] = '1';
        long rest = seq;
        for (int i = 20; i > 0; i--) {
            digits[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(digits);
    }

    /** The counter value of a sequence number, or -1 when it is not one of ours. */
    public static long parse(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isEmpty() || sequenceNumber.length() > 40
                || !sequenceNumber.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        BigInteger value = new BigInteger(sequenceNumber).subtract(OFFSET);
        return value.signum() < 0 || value.bitLength() > 62 ? -1 : value.longValue();
    }
}
