/**
 * DynamoDB's expression language and attribute-value rules, as the local server applies them to every request.
 *
 * <p>{@link io.jets.dynamodb.local.internal.expr.Expressions} parses condition, filter, key condition, update and
 * projection expressions with hand-written parsers (no regular expressions on the request path) and caches the
 * parsed trees by text; binding a tree to a request's
 * {@link io.jets.dynamodb.local.internal.expr.ExpressionContext} resolves its placeholders and makes the checks
 * that need their values. {@link io.jets.dynamodb.local.internal.expr.Legacy} turns the pre-expression parameters
 * into the same objects, and {@link io.jets.dynamodb.local.internal.expr.AttributeValues} validates, orders,
 * compares, sizes and normalizes values.
 *
 * <p>Every mistake is reported as an {@link io.jets.dynamodb.local.internal.ApiException} carrying DynamoDB's
 * ValidationException message, and when a request has several mistakes the one DynamoDB reports first.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html">Using
 *     expressions in DynamoDB</a>
 */
package io.jets.dynamodb.local.internal.expr;
