package demo.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.core.FunctionDispatcher;
import io.jets.core.LocalContext;
import io.jets.core.index.HandlerIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClerkEventTest {

    // A MODIFY record exactly as Lambda delivers it from the table's stream.
    private static final String PAYLOAD = """
            {"Records":[{"eventID":"1a87201789a6e14315b8038ebbd3b99d","eventName":"MODIFY","eventVersion":"1.1",\
            "eventSource":"aws:dynamodb","awsRegion":"us-west-2","dynamodb":{"ApproximateCreationDateTime":1550272599,\
            "Keys":{"id":{"S":"1"}},"NewImage":{"name":{"S":"Tung Nguyen"},"id":{"S":"1"}},\
            "OldImage":{"name":{"S":"Tung"},"id":{"S":"1"}},"SequenceNumber":"261800000000059086429283",\
            "SizeBytes":32,"StreamViewType":"NEW_AND_OLD_IMAGES"},\
            "eventSourceARN":"arn:aws:dynamodb:us-west-2:112233445566:table/test-table/stream/2019-02-15T23:01:06.871"}]}""";

    @Test
    void file_printsTheEventItReceives() throws Exception {
        ClassLoader classLoader = getClass().getClassLoader();
        FunctionDispatcher dispatcher = FunctionDispatcher.create(classLoader, HandlerIndex.load(classLoader));
        LocalContext context = LocalContext.create("demo-dev-clerk_event-file", Duration.ofSeconds(30), 1536,
                Clock.systemUTC());

        String printed = captureOutput(() -> dispatcher.invoke("clerk_event-file",
                new ByteArrayInputStream(PAYLOAD.getBytes(UTF_8)), OutputStream.nullOutputStream(), context));

        assertThat(printed).startsWith("event ");
        assertThat(printed).contains("\"eventName\":\"MODIFY\"", "\"NewImage\":{\"name\":{\"S\":\"Tung Nguyen\"}");
    }

    private static String captureOutput(Invocation invocation) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            invocation.run();
        } finally {
            System.setOut(original);
        }
        return printed.toString(UTF_8);
    }

    private interface Invocation {
        void run() throws Exception;
    }
}
