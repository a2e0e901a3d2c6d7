package io.jets.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.jets.core.events.DynamodbEventJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

class EnhancedClientImagesTest {

    /** An item class an application already maps with the Enhanced Client, renaming one attribute. */
    @DynamoDbBean
    public static class Customer {
        private String id;
        private String email;
        private BigDecimal balance;
        private Set<String> tags;
        private Address address;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @DynamoDbAttribute("e_mail")
        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public BigDecimal getBalance() {
            return balance;
        }

        public void setBalance(BigDecimal balance) {
            this.balance = balance;
        }

        public Set<String> getTags() {
            return tags;
        }

        public void setTags(Set<String> tags) {
            this.tags = tags;
        }

        public Address getAddress() {
            return address;
        }

        public void setAddress(Address address) {
            this.address = address;
        }
    }

    @DynamoDbBean
    public static class Address {
        private String city;

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }
    }

    public record Envelope(String id, Customer customer) {
    }

    @Test
    void changes_intoEnhancedClientBean_useItsTableSchemaIncludingRenamedAttributes() {
        DynamodbEvent event = DynamodbEventJson.parse("""
                {"Records":[{"eventName":"MODIFY","dynamodb":{"Keys":{"id":{"S":"c-1"}},\
                "NewImage":{"id":{"S":"c-1"},"e_mail":{"S":"new@example.com"},"balance":{"N":"10.25"},\
                "tags":{"SS":["vip"]},"address":{"M":{"city":{"S":"Hanoi"}}}},\
                "OldImage":{"id":{"S":"c-1"},"e_mail":{"S":"old@example.com"},"balance":{"N":"0"}}}}]}""");

        List<Change<Customer>> changes = Images.changes(event, Customer.class);

        Customer after = changes.get(0).after().orElseThrow();
        assertThat(after.getId()).isEqualTo("c-1");
        assertThat(after.getEmail()).isEqualTo("new@example.com");
        assertThat(after.getBalance()).isEqualTo(new BigDecimal("10.25"));
        assertThat(after.getTags()).containsExactly("vip");
        assertThat(after.getAddress().getCity()).isEqualTo("Hanoi");
        assertThat(changes.get(0).before().orElseThrow().getEmail()).isEqualTo("old@example.com");
    }

    @Test
    void read_recordHoldingAnEnhancedClientBean_readsTheNestedBeanThroughItsSchema() {
        Envelope envelope = Images.convert(java.util.Map.of("id", "e-1",
                "customer", java.util.Map.of("id", "c-2", "e_mail", "x@example.com")), Envelope.class);

        assertThat(envelope.id()).isEqualTo("e-1");
        assertThat(envelope.customer().getEmail()).isEqualTo("x@example.com");
    }
}
