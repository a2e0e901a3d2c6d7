package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordering and number rules checked against their definitions on many generated values (fixed seed). */
class AttributeValuesRandomizedTest {

    private static final int RUNS = 2_000;
    private final Random random = new Random(20261125L);

    @Test
    void stringOrder_isTheOrderOfTheirUtf8Bytes() {
        for (int i = 0; i < RUNS; i++) {
            String a = randomString();
            String b = randomString();
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(AttributeValues.compare(str(a), str(b)))).as("%s vs %s", a, b)
                    .isEqualTo(expected);
            assertThat(AttributeValues.utf8Length(a)).isEqualTo(a.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void normalizedNumbers_keepTheirValue_andNormalizingTwiceChangesNothing() {
        for (int i = 0; i < RUNS; i++) {
            String text = randomNumberText();
            JsonNode normalized = AttributeValues.normalize(AttributeValues.number(text));
            String canonical = normalized.get("N").asText();
            assertThat(new BigDecimal(canonical)).as(text).isEqualByComparingTo(new BigDecimal(text));
            assertThat(canonical).doesNotContain("E").doesNotStartWith("00").doesNotStartWith("-00").isNotEqualTo("-0");
            if (canonical.contains(".")) {
                assertThat(canonical).doesNotEndWith("0");
            }
            assertThat(AttributeValues.normalize(normalized)).isEqualTo(normalized);
            assertThat(AttributeValues.equal(normalized, AttributeValues.number(text))).isTrue();
            assertThat(AttributeValues.numberSize(text)).isEqualTo(AttributeValues.numberSize(canonical));
        }
    }

    @Test
    void numberOrder_isNumericOrder() {
        for (int i = 0; i < RUNS; i++) {
            String a = randomNumberText();
            String b = randomNumberText();
            assertThat(Integer.signum(AttributeValues.compare(AttributeValues.number(a), AttributeValues.number(b))))
                    .isEqualTo(new BigDecimal(a).compareTo(new BigDecimal(b)));
        }
    }

    private static JsonNode str(String s) {
        return AttributeValues.JSON.objectNode().put("S", s);
    }

    private String randomString() {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            int codePoint = switch (kind) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0xE000 + random.nextInt(0x1FFF);
                default -> 0x10000 + random.nextInt(0xFFFF);
            };
            sb.appendCodePoint(codePoint);
        }
        return sb.toString();
    }

    private String randomNumberText() {
        StringBuilder digits = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        String sign = random.nextBoolean() ? "-" : "";
        int point = random.nextInt(length + 1);
        String text = digits.substring(0, point) + (point < length ? "." + digits.substring(point) : "");
        if (text.startsWith(".")) {
            text = "0" + text;
        }
        String exponent = random.nextInt(4) == 0 ? "E" + (random.nextInt(40) - 20) : "";
        return sign + text + exponent;
    }
}
