package io.jets.core.processor;

import io.jets.core.DynamoDbTrigger;
import io.jets.core.FunctionConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks one annotated method against the rules of a Jets handler and describes it for the index. */
final class HandlerChecker {

    static final String JETS_EVENT = "io.jets.core.JetsEvent";
    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String DYNAMODB_EVENT = "com.amazonaws.services.lambda.runtime.events.DynamodbEvent";
    static final String TIME_WINDOW_EVENT = "com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent";
    static final String STREAMS_RESPONSE = "com.amazonaws.services.lambda.runtime.events.StreamsEventResponse";
    static final String TIME_WINDOW_RESPONSE = "com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse";
    static final String CHANGE = "io.jets.core.images.Change";
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-z0-9_-]+");

    /** The outcome: a definition when {@code errors} is empty. */
    record Result(FunctionDefinition function, List<String> errors, List<String> warnings) {
    }

    private final Elements elements;
    private final Types types;

    HandlerChecker(ProcessingEnvironment environment) {
        this.elements = environment.getElementUtils();
        this.types = environment.getTypeUtils();
    }

    Result check(ExecutableElement method) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TypeElement type = (TypeElement) method.getEnclosingElement();
        checkClass(type, errors);
        checkMethod(method, errors);
        List<String> parameterTypes = parameters(method, errors);

        DynamoDbTrigger[] annotations = method.getAnnotationsByType(DynamoDbTrigger.class);
        List<TriggerDefinition> triggers = new ArrayList<>();
        for (DynamoDbTrigger a : annotations) {
            triggers.add(new TriggerDefinition(a.value(), a.batchSize(), a.maximumBatchingWindowInSeconds(),
                    a.startingPosition(), a.parallelizationFactor(), a.bisectBatchOnFunctionError(),
                    a.maximumRetryAttempts(), a.maximumRecordAgeInSeconds(), a.onFailure(), List.of(a.filters()),
                    a.reportBatchItemFailures(), a.tumblingWindowInSeconds(), a.enabled()));
        }
        checkReturnType(method, triggers, errors, warnings);

        FunctionConfig config = method.getAnnotation(FunctionConfig.class);
        Map<String, String> environment = new LinkedHashMap<>();
        if (config != null) {
            for (String entry : config.environment()) {
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    errors.add("environment entries are NAME=value, got: \"" + entry + "\"");
                } else {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
        }
        String name = FunctionNames.functionName(type, method.getSimpleName().toString());
        if (!FUNCTION_NAME.matcher(name).matches()) {
            errors.add("the function name " + name + " may contain only letters, digits, - and _;"
                    + " rename the class or method");
        }
        FunctionDefinition function = new FunctionDefinition(name, elements.getBinaryName(type).toString(),
                method.getSimpleName().toString(), parameterTypes, triggers,
                config == null ? 0 : config.timeoutSeconds(), config == null ? 0 : config.memorySize(),
                environment, config == null ? "" : config.description());
        errors.addAll(function.problems());
        return new Result(errors.isEmpty() ? function : null, errors, warnings);
    }

    private void checkClass(TypeElement type, List<String> errors) {
        if (type.getKind() != ElementKind.CLASS) {
            errors.add("handler methods belong in a class extending JetsEvent, not in " + kind(type));
            return;
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            errors.add("the class " + type.getSimpleName() + " must be public");
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            errors.add("the class " + type.getSimpleName() + " must not be abstract: Jets creates an instance of it");
        }
        if (type.getNestingKind() != NestingKind.TOP_LEVEL && !type.getModifiers().contains(Modifier.STATIC)) {
            errors.add("the nested class " + type.getSimpleName() + " must be static");
        }
        TypeElement base = elements.getTypeElement(JETS_EVENT);
        if (base != null && !types.isSubtype(types.erasure(type.asType()), types.erasure(base.asType()))) {
            errors.add("the class " + type.getSimpleName() + " must extend " + JETS_EVENT
                    + " (usually through the application's ApplicationEvent)");
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        boolean publicNoArgs = constructors.stream().anyMatch(c -> c.getParameters().isEmpty()
                && c.getModifiers().contains(Modifier.PUBLIC));
        if (!publicNoArgs) {
            errors.add("the class " + type.getSimpleName() + " needs a public no-argument constructor");
        }
    }

    private static void checkMethod(ExecutableElement method, List<String> errors) {
        if (!method.getModifiers().contains(Modifier.PUBLIC)) {
            errors.add("handler methods must be public");
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            errors.add("handler methods must not be static");
        }
        if (!method.getTypeParameters().isEmpty()) {
            errors.add("handler methods must not be generic");
        }
    }

    private List<String> parameters(ExecutableElement method, List<String> errors) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            String kind = parameterKind(type);
            if (kind == null) {
                errors.add("parameter " + parameter.getSimpleName() + " has unsupported type " + type
                        + "; a handler takes any of DynamodbEvent (or DynamodbTimeWindowEvent), Context and"
                        + " List<Change<T>>, or nothing");
            } else if (!seen.add(kind)) {
                errors.add("parameter " + parameter.getSimpleName() + " repeats the type " + type);
            }
            names.add(binaryName(type));
        }
        return names;
    }

    private String parameterKind(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = qualifiedName(type);
        if (name.equals(CONTEXT)) {
            return "context";
        } else if (name.equals(DYNAMODB_EVENT) || name.equals(TIME_WINDOW_EVENT)) {
            return "event";
        } else if (name.equals("java.util.List")) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
                    && qualifiedName(arguments.get(0)).equals(CHANGE)) {
                List<? extends TypeMirror> image = ((DeclaredType) arguments.get(0)).getTypeArguments();
                if (image.size() == 1 && image.get(0).getKind() == TypeKind.DECLARED) {
                    return "changes";
                }
            }
        }
        return null;
    }

    private void checkReturnType(ExecutableElement method, List<TriggerDefinition> triggers, List<String> errors,
                                 List<String> warnings) {
        TypeMirror returned = method.getReturnType();
        boolean windowed = triggers.stream().anyMatch(t -> t.tumblingWindowInSeconds() > 0);
        String name = returned.getKind() == TypeKind.DECLARED ? qualifiedName(returned) : returned.toString();
        if (returned.getKind() == TypeKind.VOID) {
            if (windowed) {
                errors.add("a handler with tumblingWindowInSeconds must return TimeWindowEventResponse with the"
                        + " window's state; Lambda fails an invocation whose response has no state");
            }
        } else if (name.equals(STREAMS_RESPONSE)) {
            if (windowed) {
                errors.add("a handler with tumblingWindowInSeconds must return TimeWindowEventResponse, not"
                        + " StreamsEventResponse");
            }
            if (triggers.stream().anyMatch(t -> !t.reportBatchItemFailures())) {
                warnings.add("returns StreamsEventResponse but reportBatchItemFailures is false: Lambda ignores"
                        + " the reported failures; set reportBatchItemFailures = true");
            }
        } else if (name.equals(TIME_WINDOW_RESPONSE)) {
            if (!windowed) {
                warnings.add("returns TimeWindowEventResponse but no trigger sets tumblingWindowInSeconds");
            }
        } else {
            errors.add("unsupported return type " + returned
                    + "; a handler returns void, StreamsEventResponse or TimeWindowEventResponse");
        }
    }

    private static String kind(TypeElement type) {
        String kind = type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    private static String qualifiedName(TypeMirror type) {
        return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    }

    /** {@code java.util.List<io.jets.core.images.Change<demo.Orders$Order>>}: loadable names, type arguments kept. */
    private String binaryName(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return type.getKind() == TypeKind.WILDCARD ? "?" : types.erasure(type).toString();
        }
        DeclaredType declared = (DeclaredType) type;
        String name = elements.getBinaryName((TypeElement) declared.asElement()).toString();
        if (declared.getTypeArguments().isEmpty()) {
            return name;
        }
        List<String> arguments = new ArrayList<>();
        declared.getTypeArguments().forEach(argument -> arguments.add(binaryName(argument)));
        return name + "<" + String.join(",", arguments) + ">";
    }
}
