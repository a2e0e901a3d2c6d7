package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterPatternTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RECORD = """
            {"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
             "awsRegion":"us-west-2","dynamodb":{"ApproximateCreationDateTime":1550272599,
             "Keys":{"id":{"S":"order-1"}},
             "NewImage":{"id":{"S":"order-1"},"status":{"S":"Open"},"note":{"S":""},"gone":{"NULL":true},
                         "tags":{"SS":["red","blue"]}},
             "SequenceNumber":"100","SizeBytes":42,"StreamViewType":"NEW_AND_OLD_IMAGES"},
             "eventSourceARN":"arn:aws:dynamodb:us-west-2:1:table/t/stream/x","nothing":null}
            """;

    static JsonNode record() throws IOException {
        return JSON.readTree(RECORD);
    }

    static boolean matches(String pattern) throws IOException {
        return FilterPattern.parse(pattern, JSON).matches(record());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"eventName\":[\"INSERT\"]}|true",
            "{\"eventName\":[\"insert\"]}|false",
            "{\"eventName\":[\"MODIFY\",\"INSERT\"]}|true",
            "{\"eventName\":[\"INSERT\"],\"awsRegion\":[\"eu-west-1\"]}|false",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"Open\"]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"prefix\":\"Op\"}]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"prefix\":\"op\"}]}}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"prefix\":{\"equals-ignore-case\":\"op\"}}]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"suffix\":\"en\"}]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"suffix\":\"EN\"}]}}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"equals-ignore-case\":\"OPEN\"}]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"anything-but\":[\"Closed\",\"Void\"]}]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"anything-but\":\"Open\"}]}}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"anything-but\":{\"prefix\":\"Op\"}}]}}}}|false",
            "{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",0,\"<=\",42]}]}}|true",
            "{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",42]}]}}|false",
            "{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\"=\",42.0]}]}}|true",
            "{\"dynamodb\":{\"SizeBytes\":[42]}}|true",
            "{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[{\"numeric\":[\">\",0]}]}}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"exists\":true}]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":[{\"exists\":true}]}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"missing\":[{\"exists\":true}]}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"missing\":[{\"exists\":false}]}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"exists\":false}]}}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"status\":[{\"exists\":false}]}}}|true",
            "{\"dynamodb\":{\"OldImage\":{\"status\":[{\"exists\":false}]}}}|true",
            "{\"nothing\":[null]}|true",
            "{\"eventName\":[null]}|false",
            "{\"missing\":[null]}|false",
            "{\"dynamodb\":{\"NewImage\":{\"note\":{\"S\":[\"\"]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"\"]}}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"tags\":{\"SS\":[\"blue\"]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"tags\":{\"SS\":[\"green\"]}}}}|false",
            "{\"dynamodb\":{\"NewImage\":{\"gone\":{\"NULL\":[true]}}}}|true",
            "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"Open\"]}}},\"eventName\":[\"REMOVE\"]}|false",
            "not json|false",
            "[\"INSERT\"]|false"
    })
    void pattern_matchesAsLambdaEventFiltering(String pattern, boolean expected) throws IOException {
        assertThat(matches(pattern)).isEqualTo(expected);
    }

    @Test
    void criteria_areOred_andNoCriteriaLetEverythingThrough() throws IOException {
        FilterCriteria either = new FilterCriteria(
                List.of("{\"eventName\":[\"REMOVE\"]}", "{\"eventName\":[\"INSERT\"]}"), JSON);
        FilterCriteria neither = new FilterCriteria(
                List.of("{\"eventName\":[\"REMOVE\"]}", "{\"eventName\":[\"MODIFY\"]}"), JSON);

        assertThat(either.test(record())).isTrue();
        assertThat(neither.test(record())).isFalse();
        assertThat(new FilterCriteria(List.of(), JSON).test(record())).isTrue();
    }
}
