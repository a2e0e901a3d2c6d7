package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class ControlIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock).ttlInterval(Duration.ofMillis(100)));
    private final DynamoDbClient client = local.dynamoDb();
    private final DynamoDbStreamsClient streams = local.streams();

    @Test
    void timeToLive_deletesExpiredItems_withServiceIdentityInTheStream() {
        String arn = Clients.createTable(client, "sessions", false, StreamViewType.OLD_IMAGE);
        client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true)
                .attributeName("expires")));
        long now = clock.millis() / 1000;
        client.putItem(b -> b.tableName("sessions").item(Map.of("id", s("old"), "expires", n(Long.toString(now + 60)))));
        client.putItem(b -> b.tableName("sessions").item(Map.of("id", s("keep"), "expires",
                n(Long.toString(now + 3600)))));
        clock.advance(Duration.ofMinutes(2));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                !client.getItem(b -> b.tableName("sessions").key(Map.of("id", s("old")))).hasItem());
        List<Record> records = ConcurrencyIT.readAll(streams, arn);
        Record removal = records.get(records.size() - 1);

        assertThat(client.describeTimeToLive(b -> b.tableName("sessions")).timeToLiveDescription()
                .timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(client.getItem(b -> b.tableName("sessions").key(Map.of("id", s("keep")))).hasItem()).isTrue();
        assertThat(removal.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(removal.userIdentity().type()).isEqualTo("Service");
        assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void timeToLive_expiresNumbersInAnyNotation_butNotStrings_norTimesMoreThanFiveYearsOld()
            throws InterruptedException {
        Clients.createTable(client, "carts", false, null);
        client.updateTimeToLive(b -> b.tableName("carts").timeToLiveSpecification(t -> t.enabled(true)
                .attributeName("expires")));
        long past = clock.millis() / 1000 - 60;
        client.putItem(b -> b.tableName("carts").item(Map.of("id", s("scientific"), "expires",
                n(past / 10 + "e1"))));
        client.putItem(b -> b.tableName("carts").item(Map.of("id", s("fraction"), "expires", n(past + ".25"))));
        client.putItem(b -> b.tableName("carts").item(Map.of("id", s("as-string"), "expires",
                s(Long.toString(past)))));
        client.putItem(b -> b.tableName("carts").item(Map.of("id", s("ancient"), "expires",
                n(Long.toString(past - 6L * 365 * 24 * 3600)))));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                !client.getItem(b -> b.tableName("carts").key(Map.of("id", s("scientific")))).hasItem()
                        && !client.getItem(b -> b.tableName("carts").key(Map.of("id", s("fraction")))).hasItem());
        Thread.sleep(300);

        assertThat(client.scan(b -> b.tableName("carts")).items()).extracting(item -> item.get("id").s())
                .containsExactlyInAnyOrder("as-string", "ancient");
    }

    @ParameterizedTest
    @ValueSource(strings = {"expires.at", "expires[0]", "ex\"pires", "ex\\pires", "$.expires", "vencé"})
    void timeToLive_onAnAttributeWhoseNameLooksLikeAPath_expiresByThatAttribute(String attribute) {
        Clients.createTable(client, "odd-names", false, null);
        client.updateTimeToLive(b -> b.tableName("odd-names").timeToLiveSpecification(t -> t.enabled(true)
                .attributeName(attribute)));
        long past = clock.millis() / 1000 - 60;
        client.putItem(b -> b.tableName("odd-names").item(Map.of("id", s("gone"), attribute, n(Long.toString(past)))));
        client.putItem(b -> b.tableName("odd-names").item(Map.of("id", s("kept"), "expires", n(Long.toString(past)),
                attribute, n(Long.toString(past + 3600)))));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                !client.getItem(b -> b.tableName("odd-names").key(Map.of("id", s("gone")))).hasItem());

        assertThat(client.getItem(b -> b.tableName("odd-names").key(Map.of("id", s("kept")))).hasItem()).isTrue();
    }

    @Test
    void tags_areAddedListedAndRemoved() {
        Clients.createTable(client, "tagged", false, null);
        String arn = client.describeTable(b -> b.tableName("tagged")).table().tableArn();

        client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("jets").build(),
                Tag.builder().key("env").value("dev").build()));
        client.untagResource(b -> b.resourceArn(arn).tagKeys("env"));

        assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("jets").build());
    }

    @Test
    void describeLimits_andEndpoints_answer() {
        assertThat(client.describeLimits(b -> { }).tableMaxWriteCapacityUnits()).isEqualTo(40000L);
        assertThat(client.describeEndpoints(b -> { }).endpoints().get(0).address())
                .isEqualTo("127.0.0.1:" + local.port());
    }
}
