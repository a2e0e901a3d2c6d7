package io.jets.core.processor;

import io.jets.core.DynamoDbTrigger;
import io.jets.core.DynamoDbTriggers;
import io.jets.core.FunctionConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Compiles an application's handler methods into the index at {@value HandlerIndex#RESOURCE}, and makes every
 * misuse a compile error on the method, naming class and method: a non-public method, a class not extending
 * {@code JetsEvent} or abstract, two handlers with one function name, unsupported parameter or return types,
 * and each annotation value outside the range AWS accepts ({@code batchSize must be between 1 and 10000, got: 0}).
 *
 * <p>Runs automatically when jets-core is on the compile classpath, or when named as an annotation processor path:
 *
 * <pre>{@code
 * <annotationProcessorPaths>
 *   <path><groupId>io.jets</groupId><artifactId>jets-core</artifactId><version>${jets.version}</version></path>
 * </annotationProcessorPaths>
 * }</pre>
 *
 * <p> On an incremental compile the index keeps
 * the functions of classes that were not recompiled and still exist, and replaces those of recompiled classes,
 * so a removed method or class leaves the index. It looks at every compilation (it claims no annotations), so
 * that removing the last trigger from a class also reaches the index.
 */
public final class HandlerProcessor extends AbstractProcessor {

    private final Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
    private final Map<String, ExecutableElement> functionMethods = new LinkedHashMap<>();
    private final Set<String> compiledClasses = new HashSet<>();
    private boolean failed;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
            collectClassNames(type);
        }
        Set<ExecutableElement> methods = new LinkedHashSet<>();
        methods.addAll(ElementFilter.methodsIn(round.getElementsAnnotatedWith(DynamoDbTrigger.class)));
        methods.addAll(ElementFilter.methodsIn(round.getElementsAnnotatedWith(DynamoDbTriggers.class)));
        HandlerChecker checker = new HandlerChecker(processingEnv);
        for (ExecutableElement method : methods) {
            register(method, checker.check(method));
        }
        for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(FunctionConfig.class))) {
            if (!methods.contains(method)) {
                error(method, "@FunctionConfig has no effect without @DynamoDbTrigger on the same method");
            }
        }
        if (round.processingOver() && !failed) {
            writeIndex();
        }
        return false;
    }

    private void register(ExecutableElement method, HandlerChecker.Result result) {
        result.warnings().forEach(w -> processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
                describe(method) + ": " + w, method));
        if (!result.errors().isEmpty()) {
            result.errors().forEach(e -> error(method, e));
            return;
        }
        FunctionDefinition function = result.function();
        ExecutableElement previous = functionMethods.putIfAbsent(function.name(), method);
        if (previous != null) {
            error(method, "the function name " + function.name() + " is already used by " + describe(previous)
                    + "; rename one of the methods or classes");
            return;
        }
        functions.put(function.name(), function);
    }

    private void collectClassNames(TypeElement type) {
        compiledClasses.add(processingEnv.getElementUtils().getBinaryName(type).toString());
        ElementFilter.typesIn(type.getEnclosedElements()).forEach(this::collectClassNames);
    }

    private void writeIndex() {
        List<FunctionDefinition> previous = readPreviousIndex();
        Map<String, FunctionDefinition> merged = new LinkedHashMap<>();
        for (FunctionDefinition old : previous) {
            if (!compiledClasses.contains(old.className()) && classStillExists(old.className())) {
                merged.put(old.name(), old);
            }
        }
        for (FunctionDefinition function : functions.values()) {
            FunctionDefinition kept = merged.get(function.name());
            if (kept != null && !kept.className().equals(function.className())) {
                error(functionMethods.get(function.name()), "the function name " + function.name()
                        + " is already used by " + kept.className() + "#" + kept.methodName()
                        + "; rename one of the methods or classes");
                return;
            }
            merged.put(function.name(), function);
        }
        if (merged.isEmpty() && previous.isEmpty()) {
            return;
        }
        List<FunctionDefinition> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparing(FunctionDefinition::name));
        try {
            FileObject file = processingEnv.getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", HandlerIndex.RESOURCE);
            try (Writer writer = file.openWriter()) {
                writer.write(new HandlerIndex(sorted).toJson());
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write " + HandlerIndex.RESOURCE + ": " + e.getMessage());
        }
    }

    private List<FunctionDefinition> readPreviousIndex() {
        try {
            FileObject file = processingEnv.getFiler()
                    .getResource(StandardLocation.CLASS_OUTPUT, "", HandlerIndex.RESOURCE);
            try (InputStream in = file.openInputStream()) {
                return HandlerIndex.read(in).functions();
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return List.of(); // first compile, or an unreadable leftover that this compile replaces
        }
    }

    private boolean classStillExists(String binaryName) {
        return processingEnv.getElementUtils().getTypeElement(binaryName.replace('$', '.')) != null;
    }

    private void error(Element element, String message) {
        failed = true;
        String where = element instanceof ExecutableElement method ? describe(method) : element.toString();
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, where + ": " + message, element);
    }

    private static String describe(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#" + method.getSimpleName();
    }

}
