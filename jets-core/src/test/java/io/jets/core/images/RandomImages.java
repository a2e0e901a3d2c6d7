package io.jets.core.images;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/** Random DynamoDB images of every attribute type, nested up to a depth, reproducible from a seed. */
final class RandomImages {

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
    private final Random random;

    RandomImages(long seed) {
        this.random = new Random(seed);
    }

    Map<String, AttributeValue> image(int depth) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        int size = random.nextInt(7);
        for (int i = 0; i < size; i++) {
            image.put(name(), value(depth));
        }
        return image;
    }

    private AttributeValue value(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 8);
        return switch (kind) {
            case 0 -> new AttributeValue().withS(text(20));
            case 1 -> new AttributeValue().withN(number());
            case 2 -> new AttributeValue().withB(bytes());
            case 3 -> new AttributeValue().withSS(List.copyOf(distinct(() -> text(8), 1 + random.nextInt(4))));
            case 4 -> new AttributeValue().withNS(List.copyOf(distinct(this::number, 1 + random.nextInt(4))));
            case 5 -> new AttributeValue().withBS(List.copyOf(distinct(this::bytes, 1 + random.nextInt(3))));
            case 6 -> new AttributeValue().withNULL(true);
            case 7 -> new AttributeValue().withBOOL(random.nextBoolean());
            case 8 -> new AttributeValue().withM(image(depth - 1));
            default -> {
                List<AttributeValue> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(value(depth - 1));
                }
                yield new AttributeValue().withL(list);
            }
        };
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }

    // Any characters, including quotes, escapes and non-ASCII, which the JSON must carry unchanged.
    private String text(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? "\"\\\n\u00e9\u4e2d\ud83d\ude00".charAt(random.nextInt(6))
                    : (char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    // DynamoDB returns numbers normalised: plain decimal strings with up to 38 significant digits.
    private String number() {
        BigInteger unscaled = new BigInteger(1 + random.nextInt(120), random);
        BigDecimal number = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(10));
        return number.stripTrailingZeros().toPlainString();
    }

    private ByteBuffer bytes() {
        byte[] bytes = new byte[1 + random.nextInt(8)];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }

    private static <T> Set<T> distinct(Supplier<T> element, int size) {
        Set<T> set = new LinkedHashSet<>();
        while (set.size() < size) {
            set.add(element.get());
        }
        return set;
    }
}
