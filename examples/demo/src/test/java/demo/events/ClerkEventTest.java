package demo.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.jets.test.Jets;
import io.jets.test.JetsTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Each test gets an in-memory DynamoDB with Streams, the table test-table (demo-dev_test-table) with its
// stream on, and clerk_event-file reading it, as jets dev runs it.
@JetsTest
class ClerkEventTest {

    @Test
    void file_receivesEveryChangeOfTheItem(Jets jets) {
        jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1"));
        jets.putItem("test-table", Map.of("id", "id-1", "name", "name-1-edit-1"));

        List<DynamodbStreamRecord> records = jets.awaitRecords("clerk_event-file", 2);

        assertThat(records).extracting(DynamodbStreamRecord::getEventName).containsExactly("INSERT", "MODIFY");
        assertThat(records.get(1).getDynamodb().getOldImage().get("name").getS()).isEqualTo("name-1");
        assertThat(records.get(1).getDynamodb().getNewImage().get("name").getS()).isEqualTo("name-1-edit-1");
        // What the handler printed, as jets logs shows it (both records may arrive in one batch).
        assertThat(jets.logs("clerk_event-file")).anyMatch(line -> line.startsWith("event ") && line.contains("MODIFY"));
    }
}
