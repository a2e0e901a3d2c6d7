package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ops.RequestContext;

/** One API operation: the parsed request body in, the response body out (or an ApiException). */
@FunctionalInterface
public interface Operation {
    ObjectNode handle(ObjectNode request, RequestContext context);
}
