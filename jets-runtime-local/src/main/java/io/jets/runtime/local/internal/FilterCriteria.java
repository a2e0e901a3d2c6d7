package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Predicate;

/** A mapping's FilterCriteria: a record passes when there are no filters or when any filter matches it. */
public final class FilterCriteria implements Predicate<JsonNode> {

    private final List<FilterPattern> patterns;

    public FilterCriteria(List<String> patterns, ObjectMapper json) {
        this.patterns = patterns.stream().map(p -> FilterPattern.parse(p, json)).toList();
    }

    /** No filters: every record passes without being looked at. */
    public boolean acceptsEverything() {
        return patterns.isEmpty();
    }

    @Override
    public boolean test(JsonNode record) {
        if (patterns.isEmpty()) {
            return true;
        }
        FlatRecord flat = FlatRecord.of(record);
        return patterns.stream().anyMatch(p -> p.matches(flat));
    }
}
