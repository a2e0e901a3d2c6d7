package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ops.RequestContext;

/**
 * One API operation: the parsed request body in, the response body out (or an ApiException). An operation whose
 * output DynamoDB's model leaves empty (TagResource, UntagResource) answers null: DynamoDB sends no body at all.
 */
@FunctionalInterface
public interface Operation {
    ObjectNode handle(ObjectNode request, RequestContext context);
}
