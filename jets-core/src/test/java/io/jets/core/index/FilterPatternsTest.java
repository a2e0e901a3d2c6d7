package io.jets.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventName\":[\"INSERT\"]}",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[null,\"\",\"open\"]}}}}",
            "{\"dynamodb\":{\"NewImage\":{\"n\":{\"N\":[{\"numeric\":[\">\",0,\"<=\",5]}]}}}}",
            "{\"dynamodb\":{\"NewImage\":{\"n\":{\"N\":[{\"numeric\":[\"=\",100]}]}}}}",
            "{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[{\"prefix\":\"order-\"}]}}}}",
            "{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[{\"prefix\":{\"equals-ignore-case\":\"ORDER-\"}}]}}}}",
            "{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[{\"suffix\":\".png\"}]}}}}",
            "{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[{\"equals-ignore-case\":\"ABC\"}]}}}}",
            "{\"dynamodb\":{\"OldImage\":{\"id\":[{\"exists\":false}]}}}",
            "{\"eventName\":[{\"anything-but\":\"REMOVE\"}]}",
            "{\"eventName\":[{\"anything-but\":[\"REMOVE\",\"MODIFY\"]}]}",
            "{\"eventName\":[{\"anything-but\":{\"prefix\":\"REM\"}}]}",
            "{\"dynamodb\":{\"NewImage\":{\"flag\":{\"BOOL\":[true]}}}}",
            "{\"eventName\":[\"INSERT\"],\"$or\":[{\"dynamodb.Keys.id.S\":[\"a\"]},{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[\"b\"]}}}}]}",
            "{\"eventName\":[{\"anything-but\":{\"prefix\":[\"REM\",\"MOD\"]}}]}",
            "{\"eventName\":[{\"anything-but\":{\"equals-ignore-case\":[\"remove\",\"modify\"]}}]}",
            "{\"dynamodb\":{\"SizeBytes\":[{\"anything-but\":[1,2]}]}}",
            "{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[{\"prefix\":\"\"}]}}}}",
    })
    void problem_withValidPattern_isEmpty(String pattern) {
        assertThat(FilterPatterns.problem(pattern, "filters[0]")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventName\":[]}",
            "{\"eventName\":[[\"INSERT\"]]}",
            "{\"dynamodb\":{}}",
            "{\"n\":[{\"numeric\":[\">\"]}]}",
            "{\"n\":[{\"numeric\":[\"~\",1]}]}",
            "{\"n\":[{\"numeric\":[\"=\",1,\"<\",2]}]}",
            "{\"n\":[{\"numeric\":[\">\",\"1\"]}]}",
            "{\"id\":[{\"exists\":\"yes\"}]}",
            "{\"id\":[{\"prefix\":1}]}",
            "{\"id\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}",
            "{\"id\":[{\"wildcard\":\"a*\"}]}",
            "{\"id\":[{\"anything-but\":[]}]}",
            "{\"id\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}",
            "{}",
            "not json",
    })
    void problem_withInvalidPattern_isReportedInLambdasWords(String pattern) {
        assertThat(FilterPatterns.problem(pattern, "filters[0]")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("filters[0]: Invalid filter pattern definition. ").endsWith(", got: " + pattern));
    }

    static Stream<Arguments> refusedPatterns() throws IOException {
        try (InputStream in = FilterPatternsTest.class.getResourceAsStream("/filters/refused-patterns.json")) {
            JsonNode cases = new ObjectMapper().readTree(in);
            return Stream.iterate(0, i -> i < cases.size(), i -> i + 1).map(cases::get)
                    .map(c -> Arguments.of(c.get("pattern").toString(), c.get("reason").asText()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPatterns")
    void problem_withPatternLambdaRefuses_givesLambdasAnswerAndEventBridgesReason(String pattern, String reason) {
        assertThat(FilterPatterns.problem(pattern, "filters[0]"))
                .hasValue("filters[0]: Invalid filter pattern definition. " + reason + ", got: " + pattern);
    }
}
