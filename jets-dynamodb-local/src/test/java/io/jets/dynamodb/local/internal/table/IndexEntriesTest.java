package io.jets.dynamodb.local.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A multi-attribute index key part is stored so that its bytes sort as DynamoDB sorts the key: the attributes
 * compared one after another, each in its own type's order.
 */
class IndexEntriesTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    // prefixes of one another, an embedded NUL and bytes above it, so that a plain concatenation would missort
    private static final String[] STRINGS = {"", "a", "a\u0000", "a\u0000b", "a\u0001", "ab", "abc", "b", "\u00e9"};
    private static final String[] NUMBERS = {"-100", "-1.5", "-1", "0", "0.001", "1", "1.5", "10", "100"};

    @Test
    void encode_ofSeveralAttributes_sortsAsTheAttributesComparedInTurn() {
        Random random = new Random(7);
        List<ObjectNode> keys = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ObjectNode key = JsonNodeFactory.instance.objectNode();
            key.putObject("a").put("S", STRINGS[random.nextInt(STRINGS.length)]);
            key.putObject("b").put("N", NUMBERS[random.nextInt(NUMBERS.length)]);
            key.putObject("c").put("S", STRINGS[random.nextInt(STRINGS.length)]);
            keys.add(key);
        }
        Comparator<ObjectNode> inTurn = (x, y) -> {
            for (String name : NAMES) {
                int compared = Arrays.compareUnsigned(KeyEncoding.encode(x.get(name)), KeyEncoding.encode(y.get(name)));
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        };

        for (int i = 0; i + 1 < keys.size(); i++) {
            ObjectNode x = keys.get(i);
            ObjectNode y = keys.get(i + 1);
            assertThat(Integer.signum(Arrays.compareUnsigned(encode(x), encode(y))))
                    .as("%s vs %s", x, y).isEqualTo(Integer.signum(inTurn.compare(x, y)));
        }
    }

    @Test
    void encodeAttributes_ofLeadingAttributes_isAPrefixOfTheWholePart() {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.putObject("a").put("S", "a\u0000");
        key.putObject("b").put("N", "-1.5");
        key.putObject("c").put("S", "ab");

        byte[] whole = encode(key);
        byte[] leading = IndexEntries.encodeAttributes(List.of("a", "b"), key::get);

        assertThat(Arrays.copyOf(whole, leading.length)).isEqualTo(leading);
    }

    @Test
    void encode_ofOneAttribute_isItsKeyEncoding() {
        JsonNode value = JsonNodeFactory.instance.objectNode().put("N", "12.5");

        assertThat(IndexEntries.encode(List.of("a"), name -> value)).isEqualTo(KeyEncoding.encode(value));
    }

    private static byte[] encode(ObjectNode key) {
        return IndexEntries.encode(NAMES, key::get);
    }
}
