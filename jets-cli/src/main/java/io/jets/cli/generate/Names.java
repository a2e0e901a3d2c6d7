package io.jets.cli.generate;

import io.jets.cli.CliException;
import io.jets.core.processor.FunctionNames;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * Jets naming rules: {@code clerk} is the class {@code ClerkEvent}, its method {@code file} the function
 * {@code clerk_event-file}; the project {@code demo} keeps its code in the package {@code demo}.
 */
public final class Names {

    private Names() {
    }

    /** {@code clerk}, {@code clerk_event}, {@code ClerkEvent}, {@code order-audit} → {@code ClerkEvent}, {@code OrderAuditEvent}. */
    public static String eventClassName(String name) {
        String camel = camelize(name);
        if (camel.isEmpty() || !SourceVersion.isName(camel)) {
            throw new CliException("Invalid event name: '" + name + "'. Use letters, digits, '_' or '-', "
                    + "starting with a letter, for example: jets generate:event clerk");
        }
        return camel.endsWith("Event") ? camel : camel + "Event";
    }

    /** {@code ClerkEvent} → {@code clerk_event}. */
    public static String underscore(String className) {
        return FunctionNames.underscore(className);
    }

    /**
     * {@code ClerkEvent}, {@code file} → {@code clerk_event-file}; {@code fileItem} → {@code clerk_event-file_item},
     * the name the annotation processor gives the function.
     */
    public static String functionName(String className, String methodName) {
        return FunctionNames.underscore(className) + "-" + FunctionNames.underscore(methodName);
    }

    /** {@code demo} → {@code demo}; {@code my-app} → {@code my_app}; {@code 1st} → {@code _1st}. */
    public static String packageName(String projectName) {
        String name = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || SourceVersion.isKeyword(name)) {
            name = "_" + name;
        }
        return name;
    }

    /** {@code pkg} when it is a Java package name; {@code what} names it in the refusal ("package"). */
    public static String checkPackageName(String pkg, String what) {
        if (!SourceVersion.isName(pkg)) {
            throw new CliException("Invalid " + what + ": '" + pkg + "'. Use a Java package name such as"
                    + " com.example.demo");
        }
        return pkg;
    }

    /** A project name is a directory, a stack name prefix and a Maven artifactId: letters, digits and '-'. */
    public static String checkProjectName(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new CliException("Invalid project name: '" + name + "'. Use letters, digits and '-', "
                    + "starting with a letter, for example: jets new demo");
        }
        return name;
    }

    /** A handler method name must be a Java method name. */
    public static String checkMethodName(String name) {
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            throw new CliException("Invalid method name: '" + name + "'. Use a Java method name, for example: "
                    + "--method file");
        }
        return name;
    }

    private static String camelize(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else if (upper) {
                out.append(Character.toUpperCase(c));
                upper = false;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
