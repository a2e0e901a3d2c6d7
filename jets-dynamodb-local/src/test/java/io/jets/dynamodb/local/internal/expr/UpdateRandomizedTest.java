package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random top-level SET, REMOVE and ADD updates checked against a plain map model of what they mean, on thousands
 * of generated items (fixed seed); the input item must come back untouched every time.
 */
class UpdateRandomizedTest {

    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f");
    private static final ObjectNode KEY = TestJson.obj("{'id':{'S':'k'}}");
    private final Random random = new Random(42L);

    @Test
    void topLevelUpdates_matchAMapModel_andNeverMutateTheirInput() {
        for (int run = 0; run < 2_000; run++) {
            ObjectNode existing = KEY.deepCopy();
            for (String name : NAMES) {
                if (random.nextBoolean()) {
                    existing.set(name, AttributeValues.number(Integer.toString(random.nextInt(100) - 50)));
                }
            }
            ObjectNode original = existing.deepCopy();

            List<String> shuffled = new ArrayList<>(NAMES);
            java.util.Collections.shuffle(shuffled, random);
            List<String> set = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            List<String> add = new ArrayList<>();
            for (String name : shuffled.subList(0, 1 + random.nextInt(NAMES.size()))) {
                switch (random.nextInt(3)) {
                    case 0 -> set.add(name);
                    case 1 -> remove.add(name);
                    default -> add.add(name);
                }
            }
            int delta = random.nextInt(10) - 5;
            ObjectNode values = AttributeValues.JSON.objectNode();
            values.set(":d", AttributeValues.number(Integer.toString(delta)));
            StringBuilder expression = new StringBuilder();
            Map<String, BigDecimal> model = new LinkedHashMap<>();
            original.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("id")) {
                    model.put(e.getKey(), new BigDecimal(e.getValue().get("N").asText()));
                }
            });
            Map<String, BigDecimal> before = new LinkedHashMap<>(model);
            if (!set.isEmpty()) {
                expression.append("SET ");
                for (int i = 0; i < set.size(); i++) {
                    String name = set.get(i);
                    expression.append(i == 0 ? "" : ", ").append(name).append(" = if_not_exists(").append(name)
                            .append(", :d) + :d");
                    BigDecimal current = before.getOrDefault(name, BigDecimal.valueOf(delta));
                    model.put(name, current.add(BigDecimal.valueOf(delta)));
                }
            }
            if (!remove.isEmpty()) {
                expression.append(" REMOVE ").append(String.join(", ", remove));
                remove.forEach(model::remove);
            }
            if (!add.isEmpty()) {
                expression.append(" ADD ");
                for (int i = 0; i < add.size(); i++) {
                    expression.append(i == 0 ? "" : ", ").append(add.get(i)).append(" :d");
                    model.merge(add.get(i), BigDecimal.valueOf(delta), BigDecimal::add);
                }
            }
            ExpressionContext ctx = ExpressionContext.of(null, values);
            Update update = Expressions.update(expression.toString().trim(), ctx);
            ObjectNode result = update.apply(existing, KEY, Set.of("id"));

            assertThat(existing).as(expression.toString()).isEqualTo(original);
            Map<String, BigDecimal> actual = new LinkedHashMap<>();
            result.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("id")) {
                    actual.put(e.getKey(), new BigDecimal(e.getValue().get("N").asText()));
                }
            });
            assertThat(actual).as(expression.toString()).isEqualTo(model);
            assertThat(result.get("id")).isEqualTo(KEY.get("id"));
            for (String name : add) {
                JsonNode updated = update.updatedAttributes(result).get(name);
                assertThat(updated).isEqualTo(result.get(name));
            }
        }
    }
}
