package io.jets.dynamodb.local.internal.ops;

/** Who asked: the region of the request's credential scope (for ARNs) and the id answered with it. */
public record RequestContext(String region, String requestId) {
    public static final String ACCOUNT = "000000000000";
}
