package io.jets.dynamodb.local.internal.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A document path such as {@code a.#b[2].c}. Elements are {@link String} attribute names, {@link Integer} list
 * indexes, or — before {@link #resolve} — {@link Ref} placeholders.
 */
record DocumentPath(List<Object> elements) {

    /** An unresolved {@code #name} placeholder. */
    record Ref(String placeholder) {
    }

    DocumentPath {
        elements = List.copyOf(elements);
    }

    static DocumentPath of(Object... elements) {
        return new DocumentPath(List.of(elements));
    }

    DocumentPath resolve(ExpressionContext ctx, ExpressionKind kind) {
        List<Object> resolved = null;
        for (int i = 0; i < elements.size(); i++) {
            Object e = elements.get(i);
            if (e instanceof Ref ref) {
                if (resolved == null) {
                    resolved = new ArrayList<>(elements);
                }
                resolved.set(i, ctx.name(ref.placeholder(), kind));
            }
        }
        return resolved == null ? this : new DocumentPath(resolved);
    }

    String first() {
        return (String) elements.get(0);
    }

    int size() {
        return elements.size();
    }

    /** DynamoDB's rendering in overlap errors: {@code [a, b, [2]]}. */
    String describe() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object e = elements.get(i);
            sb.append(e instanceof Integer index ? "[" + index + "]" : e);
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object e : elements) {
            if (e instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(e instanceof Ref ref ? ref.placeholder() : e);
            }
        }
        return sb.toString();
    }
}
