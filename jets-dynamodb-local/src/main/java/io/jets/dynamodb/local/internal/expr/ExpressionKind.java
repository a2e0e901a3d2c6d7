package io.jets.dynamodb.local.internal.expr;

/** The request parameter an expression came from; DynamoDB names it in every error about the expression. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    SEARCH_CONDITION("SearchConditionExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    /** The request parameter, e.g. {@code ConditionExpression}. */
    public String parameter() {
        return parameter;
    }

    /** {@code Invalid ConditionExpression: <detail>} — the form of every DynamoDB error about an expression. */
    String invalid(String detail) {
        return "Invalid " + parameter + ": " + detail;
    }
}
