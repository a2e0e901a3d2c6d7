package io.jets.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.events.DynamodbEventJson;

/** One running invocation: the payload tree, its context, and the typed event mapped on first use. */
final class Invocation {

    private final JsonNode tree;
    private final Context context;
    private DynamodbEvent dynamodbEvent;

    Invocation(JsonNode tree, Context context) {
        this.tree = tree;
        this.context = context;
    }

    JsonNode tree() {
        return tree;
    }

    Context context() {
        return context;
    }

    DynamodbEvent dynamodbEvent() {
        if (dynamodbEvent == null) {
            dynamodbEvent = DynamodbEventJson.parse(tree);
        }
        return dynamodbEvent;
    }
}
