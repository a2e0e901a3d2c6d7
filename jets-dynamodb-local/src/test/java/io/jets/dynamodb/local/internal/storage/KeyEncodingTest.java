package io.jets.dynamodb.local.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyEncodingTest {

    private static byte[] number(String text) {
        return KeyEncoding.encode(JsonNodeFactory.instance.objectNode().put("N", text));
    }

    private static byte[] string(String text) {
        return KeyEncoding.encode(JsonNodeFactory.instance.objectNode().put("S", text));
    }

    @Test
    void numbers_sortByValue_notText() {
        List<String> texts = List.of("-1e3", "-100", "-10", "-9.99", "-1.5", "-1", "-0.001", "0", "1e-130",
                "0.001", "0.1", "0.12", "0.123", "1", "1.5", "2", "9.99", "10", "100", "1e125");

        List<String> shuffled = new ArrayList<>(texts);
        java.util.Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(Comparator.comparing(KeyEncodingTest::number, Arrays::compareUnsigned));

        assertThat(shuffled).containsExactlyElementsOf(texts);
    }

    @Test
    void equalNumbers_encodeEqually_whateverTheirText() {
        assertThat(number("1.50")).isEqualTo(number("1.5"));
        assertThat(number("15e-1")).isEqualTo(number("1.5"));
        assertThat(number("-0")).isEqualTo(number("0"));
    }

    @Test
    void randomNumbers_orderLikeBigDecimal() {
        Random random = new Random(42);
        List<BigDecimal> numbers = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            numbers.add(new BigDecimal(random.nextLong()).scaleByPowerOfTen(random.nextInt(60) - 30));
        }
        List<BigDecimal> byEncoding = new ArrayList<>(numbers);
        byEncoding.sort(Comparator.comparing(n -> KeyEncoding.encodeNumber(n), Arrays::compareUnsigned));
        List<BigDecimal> byValue = new ArrayList<>(numbers);
        byValue.sort(Comparator.naturalOrder());

        for (int i = 0; i < numbers.size(); i++) {
            assertThat(byEncoding.get(i)).isEqualByComparingTo(byValue.get(i));
        }
    }

    @Test
    void strings_sortByUtf8Bytes() {
        assertThat(Arrays.compareUnsigned(string("Z"), string("a"))).isNegative();
        assertThat(Arrays.compareUnsigned(string("a"), string("ab"))).isNegative();
        assertThat(Arrays.compareUnsigned(string("\u00e9"), string("z"))).isPositive();
    }
}
