package io.jets.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
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
}
