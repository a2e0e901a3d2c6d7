package io.jets.dynamodb.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The one shape every refused request takes: a ValidationException with DynamoDB's exact message. */
final class ValidationErrors {

    /** What PutItem, UpdateItem and DeleteItem put before a message their request validation refuses with. */
    static final String ENVELOPE = "1 validation error detected: ";

    private ValidationErrors() {
    }

    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo(message));
    }
}
