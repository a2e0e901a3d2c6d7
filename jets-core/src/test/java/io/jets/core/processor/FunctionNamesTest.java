package io.jets.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionNamesTest {

    @ParameterizedTest
    @CsvSource({
            "ClerkEvent, clerk_event",
            "HTTPServerEvent, http_server_event",
            "Clerk_Event, clerk_event",
            "file, file",
            "fileItem, file_item",
            "file_item, file_item",
            "Order2Event, order2_event",
            "S3Event, s3_event",
    })
    void underscore_followsRails(String camelCase, String expected) {
        assertThat(FunctionNames.underscore(camelCase)).isEqualTo(expected);
    }
}
