package io.jets.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.jets.core.JetsException;
import io.jets.core.events.DynamodbEventJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImagesTest {

    public enum Status { OPEN, CLOSED }

    public record Address(String city, int zip) {
    }

    public record Order(String id, BigDecimal total, long quantity, Set<String> tags, Set<BigDecimal> scores,
                        byte[] blob, List<Object> items, Address address, Status status, Optional<String> note,
                        @Attribute("created_at") Instant createdAt, Boolean active, BigInteger big) {
    }

    /** A bean, as older code bases have them. */
    public static class Customer {
        private String name;
        private int age;
        public String email;

        public void setName(String name) {
            this.name = name;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public String getName() {
            return name;
        }

        public int getAge() {
            return age;
        }
    }

    @Test
    void toValues_mapsEveryDynamoDbTypeToItsPlainJavaValue() {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        image.put("s", new AttributeValue().withS("x"));
        image.put("n", new AttributeValue().withN("123456789012345678901234567890.000001"));
        image.put("b", new AttributeValue().withB(ByteBuffer.wrap(new byte[] {1, 2})));
        image.put("ss", new AttributeValue().withSS("a", "b"));
        image.put("ns", new AttributeValue().withNS("1", "2.5"));
        image.put("bs", new AttributeValue().withBS(ByteBuffer.wrap(new byte[] {3})));
        image.put("m", new AttributeValue().withM(Map.of("k", new AttributeValue().withS("v"))));
        image.put("l", new AttributeValue().withL(new AttributeValue().withN("1"), new AttributeValue().withNULL(true)));
        image.put("null", new AttributeValue().withNULL(true));
        image.put("bool", new AttributeValue().withBOOL(true));

        Map<String, Object> values = Images.toValues(image);

        assertThat(values.get("s")).isEqualTo("x");
        assertThat(values.get("n")).isEqualTo(new BigDecimal("123456789012345678901234567890.000001"));
        assertThat(values.get("b")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(values.get("ss")).isEqualTo(Set.of("a", "b"));
        assertThat(values.get("ns")).isEqualTo(Set.of(new BigDecimal("1"), new BigDecimal("2.5")));
        assertThat(values.get("bs")).isEqualTo(Set.of(ByteBuffer.wrap(new byte[] {3})));
        assertThat(values.get("m")).isEqualTo(Map.of("k", "v"));
        assertThat(values.get("l")).isEqualTo(Arrays.asList(BigDecimal.ONE, null));
        assertThat(values).containsEntry("null", null);
        assertThat(values.get("bool")).isEqualTo(true);
        assertThat(values.keySet()).containsExactly("s", "n", "b", "ss", "ns", "bs", "m", "l", "null", "bool");
    }

    @Test
    void read_intoRecord_convertsEachComponentByAttributeName() {
        Map<String, AttributeValue> image = DynamodbEventJson.parse("""
                {"Records":[{"eventName":"INSERT","dynamodb":{"NewImage":{"id":{"S":"o-1"},"total":{"N":"12.50"},\
                "quantity":{"N":"3"},"tags":{"SS":["gift"]},"scores":{"NS":["4.5"]},"blob":{"B":"aGk="},\
                "items":{"L":[{"S":"pen"}]},"address":{"M":{"city":{"S":"Hanoi"},"zip":{"N":"100000"}}},\
                "status":{"S":"OPEN"},"created_at":{"S":"2024-02-11T15:44:30Z"},"active":{"BOOL":true},\
                "big":{"N":"123456789012345678901234567890"},"ignored":{"S":"extra"}}}}]}""")
                .getRecords().get(0).getDynamodb().getNewImage();

        Order order = Images.read(image, Order.class);

        assertThat(order.id()).isEqualTo("o-1");
        assertThat(order.total()).isEqualTo(new BigDecimal("12.50"));
        assertThat(order.quantity()).isEqualTo(3L);
        assertThat(order.tags()).containsExactly("gift");
        assertThat(order.scores()).containsExactly(new BigDecimal("4.5"));
        assertThat(order.blob()).isEqualTo("hi".getBytes());
        assertThat(order.items()).containsExactly("pen");
        assertThat(order.address()).isEqualTo(new Address("Hanoi", 100000));
        assertThat(order.status()).isEqualTo(Status.OPEN);
        assertThat(order.note()).isEmpty();
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-02-11T15:44:30Z"));
        assertThat(order.active()).isTrue();
        assertThat(order.big()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void read_intoBean_usesSettersAndPublicFields() {
        Map<String, AttributeValue> image = Map.of("name", new AttributeValue().withS("Tung"),
                "age", new AttributeValue().withN("42"), "email", new AttributeValue().withS("t@example.com"));

        Customer customer = Images.read(image, Customer.class);

        assertThat(customer.getName()).isEqualTo("Tung");
        assertThat(customer.getAge()).isEqualTo(42);
        assertThat(customer.email).isEqualTo("t@example.com");
    }

    @Test
    void read_withMissingAttributes_givesNullsAndPrimitiveDefaults() {
        Address address = Images.read(Map.of("city", new AttributeValue().withS("Hue")), Address.class);

        assertThat(address).isEqualTo(new Address("Hue", 0));
    }

    @Test
    void read_withNumberThatDoesNotFit_failsInsteadOfTruncating() {
        Map<String, AttributeValue> image = Map.of("zip", new AttributeValue().withN("1.5"));

        assertThatThrownBy(() -> Images.read(image, Address.class))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("Cannot read io.jets.core.images.ImagesTest$Address.zip: the number 1.5 does not fit int;"
                        + " use a wider type such as BigDecimal");
    }

    @Test
    void read_withWrongType_namesTheAttribute() {
        Map<String, AttributeValue> image = Map.of("city", new AttributeValue().withBOOL(true));

        assertThatThrownBy(() -> Images.read(image, Address.class))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("Cannot read io.jets.core.images.ImagesTest$Address.city: expected a string (S), got Boolean true");
    }

    @Test
    void changes_withKeysOnlyStream_haveEmptyImages() {
        DynamodbEvent event = DynamodbEventJson.parse("""
                {"Records":[{"eventName":"REMOVE","dynamodb":{"Keys":{"id":{"S":"a"}},"SequenceNumber":"5",\
                "StreamViewType":"KEYS_ONLY"}}]}""");

        List<Change<Address>> changes = Images.changes(event, Address.class);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Change.Kind.REMOVE);
            assertThat(change.keys()).isEqualTo(Map.of("id", "a"));
            assertThat(change.before()).isEmpty();
            assertThat(change.after()).isEmpty();
            assertThat(change.sequenceNumber()).isEqualTo("5");
            assertThat(change.approximateCreationTime()).isNull();
        });
    }

    @Test
    void changes_coverEveryRecordOfTheBatchInOrder() {
        DynamodbEvent event = DynamodbEventJson.parse("""
                {"Records":[{"eventName":"INSERT","dynamodb":{"Keys":{"id":{"S":"a"}},"NewImage":{"id":{"S":"a"}}}},\
                {"eventName":"MODIFY","dynamodb":{"Keys":{"id":{"S":"b"}},"NewImage":{"id":{"S":"b"}},"OldImage":{"id":{"S":"b0"}}}},\
                {"eventName":"REMOVE","dynamodb":{"Keys":{"id":{"S":"c"}},"OldImage":{"id":{"S":"c"}}}}]}""");

        List<Change<Map<String, Object>>> changes = Images.changes(event);

        assertThat(changes).extracting(Change::kind)
                .containsExactly(Change.Kind.INSERT, Change.Kind.MODIFY, Change.Kind.REMOVE);
        assertThat(changes.get(0).before()).isEmpty();
        assertThat(changes.get(1).before()).contains(Map.of("id", "b0"));
        assertThat(changes.get(2).after()).isEmpty();
    }

    @Test
    void changes_withUnknownEventName_fail() {
        DynamodbEvent event = DynamodbEventJson.parse("{\"Records\":[{\"eventName\":\"UPSERT\",\"dynamodb\":{}}]}");

        assertThatThrownBy(() -> Images.changes(event))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessage("A DynamoDB stream record's eventName is INSERT, MODIFY or REMOVE, got: UPSERT");
    }
}
