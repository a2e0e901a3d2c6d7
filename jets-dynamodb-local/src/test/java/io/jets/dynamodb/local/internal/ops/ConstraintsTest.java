package io.jets.dynamodb.local.internal.ops;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jets.dynamodb.local.internal.ApiException;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Test
    void length_ofAnEmptyList_failsTheMinimum() {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();

        assertThatThrownBy(() -> new Constraints().required("transactItems", items)
                .length("transactItems", items, 1, 100).check())
                .isExactlyInstanceOf(ApiException.class)
                .hasMessage("1 validation error detected: Value at 'transactItems' failed to satisfy constraint:"
                        + " Member must have length greater than or equal to 1");
    }

    @Test
    void length_overTheMaximum_failsTheMaximum() {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 101; i++) {
            items.addObject();
        }

        assertThatThrownBy(() -> new Constraints().length("transactItems", items, 1, 100).check())
                .isExactlyInstanceOf(ApiException.class)
                .hasMessage("1 validation error detected: Value at 'transactItems' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 100");
    }

    @Test
    void length_ofAMissingList_leavesItToRequired() {
        assertThatCode(() -> new Constraints().length("transactItems", null, 1, 100).check())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new Constraints().required("transactItems", null)
                .length("transactItems", null, 1, 100).check())
                .isExactlyInstanceOf(ApiException.class)
                .hasMessage("1 validation error detected: Value null at 'transactItems' failed to satisfy"
                        + " constraint: Member must not be null");
    }
}
