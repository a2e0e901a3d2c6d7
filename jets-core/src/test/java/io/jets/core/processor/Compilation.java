package io.jets.core.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.JetsEvent;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles sources in-process with the handler processor, as javac does for a user's application. */
final class Compilation {

    record Result(boolean success, List<String> errors, List<String> warnings, Path output) {

        String index() throws IOException {
            return Files.readString(output.resolve("META-INF/jets/handlers.json"));
        }

        boolean hasIndex() {
            return Files.exists(output.resolve("META-INF/jets/handlers.json"));
        }
    }

    private Compilation() {
    }

    /** Compiles {@code sources} (class name → source) into {@code output}, which is also on the classpath. */
    static Result compile(Path output, Map<String, String> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(output);
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, code) -> units.add(new Source(name, code)));
            List<String> options = List.of("-d", output.toString(), "-classpath", classpath(output));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(List.of(new HandlerProcessor()));
            boolean success = task.call();
            List<String> errors = messages(diagnostics, Diagnostic.Kind.ERROR);
            List<String> warnings = messages(diagnostics, Diagnostic.Kind.WARNING);
            return new Result(success, errors, warnings, output);
        }
    }

    private static List<String> messages(DiagnosticCollector<JavaFileObject> diagnostics, Diagnostic.Kind kind) {
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == kind)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    private static String classpath(Path output) {
        return Stream.of(JetsEvent.class, Context.class, DynamodbEvent.class, ObjectMapper.class, JsonParser.class,
                        JsonProperty.class)
                .map(Compilation::location)
                .reduce(output.toString(), (a, b) -> a + File.pathSeparator + b);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
