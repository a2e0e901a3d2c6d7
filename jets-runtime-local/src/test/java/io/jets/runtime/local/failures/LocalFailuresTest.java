package io.jets.runtime.local.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFailuresTest {

    @TempDir
    Path state;

    @Test
    void destinationArns_nameTheirLocalStore() {
        assertThat(LocalFailures.service("arn:aws:sqs:us-east-1:123456789012:orders-dlq")).isEqualTo("sqs");
        assertThat(LocalFailures.resourceName("arn:aws:sqs:us-east-1:123456789012:orders-dlq")).isEqualTo("orders-dlq");
        assertThat(LocalFailures.resourceName("arn:aws:sns:us-east-1:123456789012:alerts")).isEqualTo("alerts");
        assertThat(LocalFailures.resourceName("arn:aws:s3:::failures-bucket")).isEqualTo("failures-bucket");
    }

    @Test
    void anyOtherArn_isRejectedNamingIt() {
        assertThatThrownBy(() -> LocalFailures.service("arn:aws:lambda:us-east-1:1:function:f"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("onFailure must be an SQS queue, SNS topic or S3 bucket ARN, got: "
                        + "arn:aws:lambda:us-east-1:1:function:f");
    }

    @Test
    void emptyStore_listsNothing_andUnknownIdsAreNotFound() {
        assertThat(LocalFailures.in(state).list()).isEmpty();
        assertThat(LocalFailures.in(state).show("sqs/q/../../../etc/passwd")).isEmpty();
    }
}
