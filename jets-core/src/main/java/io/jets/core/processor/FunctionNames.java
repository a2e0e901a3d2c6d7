package io.jets.core.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Jets' function names: the class name underscored, a dash, the method name underscored
 * ({@code ClerkEvent#file} → {@code clerk_event-file}, {@code ClerkEvent#fileItem} → {@code clerk_event-file_item}).
 * A nested class adds its enclosing classes the way Jets adds modules ({@code Admin.ClerkEvent#file} →
 * {@code admin-clerk_event-file}); the package is left out, as Jets leaves out {@code app/events}.
 *
 * <pre>{@code
 * FunctionNames.underscore("HTTPServerEvent");   // http_server_event
 * }</pre>
 */
public final class FunctionNames {

    private static final Pattern ACRONYM_END = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern WORD_END = Pattern.compile("([a-z\\d])([A-Z])");

    private FunctionNames() {
    }

    public static String functionName(TypeElement type, String methodName) {
        Deque<String> parts = new ArrayDeque<>();
        Element current = type;
        while (current != null && (current.getKind().isClass() || current.getKind().isInterface())) {
            parts.addFirst(underscore(current.getSimpleName().toString()));
            current = current.getEnclosingElement();
            if (current != null && current.getKind() == ElementKind.PACKAGE) {
                break;
            }
        }
        parts.addLast(underscore(methodName));
        return String.join("-", parts);
    }

    /** Rails' {@code underscore}: {@code ClerkEvent} → {@code clerk_event}, {@code HTTPServer} → {@code http_server}. */
    public static String underscore(String camelCase) {
        String words = ACRONYM_END.matcher(camelCase).replaceAll("$1_$2");
        words = WORD_END.matcher(words).replaceAll("$1_$2");
        return words.toLowerCase(Locale.ROOT);
    }
}
