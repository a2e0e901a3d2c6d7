package io.jets.dynamodb.local.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void aCounterValue_isShownAs21Digits_tenToThe20Plus() {
        assertThat(SequenceNumbers.format(0)).isEqualTo("100000000000000000000");
        assertThat(SequenceNumbers.format(42)).isEqualTo("100000000000000000042");
        assertThat(SequenceNumbers.format(Long.MAX_VALUE))
                .isEqualTo(BigInteger.TEN.pow(20).add(BigInteger.valueOf(Long.MAX_VALUE)).toString());
    }

    @Test
    void formattedNumbers_parseBack_andOrderAsTheirCounters() {
        long[] counters = {0, 1, 9, 10, 123_456_789, 4_611_686_018_427_387_903L};
        for (int i = 0; i < counters.length; i++) {
            assertThat(SequenceNumbers.parse(SequenceNumbers.format(counters[i]))).isEqualTo(counters[i]);
            if (i > 0) {
                assertThat(new BigInteger(SequenceNumbers.format(counters[i])))
                        .isGreaterThan(new BigInteger(SequenceNumbers.format(counters[i - 1])));
            }
        }
        assertThat(SequenceNumbers.parse("12x")).isEqualTo(-1);
    }
}
