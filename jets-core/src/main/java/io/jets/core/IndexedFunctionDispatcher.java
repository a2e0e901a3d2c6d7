package io.jets.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.config.ProjectConfig;
import io.jets.core.events.DynamodbEventJson;
import io.jets.core.images.Images;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.HandlerIndex;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher behind {@link FunctionDispatcher#create}: looks the function up in the index, loads only the
 * class it names, and keeps one instance per class.
 */
final class IndexedFunctionDispatcher implements FunctionDispatcher {

    /** How the JVM refuses a class whose static initialiser failed before. */
    private static final String UNINITIALISED = "Could not initialize class ";

    private final ClassLoader classLoader;
    private final HandlerIndex index;
    private final Map<String, Target> targets = new HashMap<>();
    private final Map<Class<?>, Object> instances = new HashMap<>();

    IndexedFunctionDispatcher(ClassLoader classLoader, HandlerIndex index) {
        this.classLoader = classLoader;
        this.index = index;
    }

    @Override
    public void invoke(String functionName, InputStream event, OutputStream response, Context context)
            throws Exception {
        inFunctionContext(() -> {
            dispatch(functionName, event, response, context);
            return null;
        });
    }

    /**
     * Runs {@code work} with the functions' class loader as the thread's context class loader, as Lambda's Java
     * runtime runs a function's Init and invocations: libraries find services and resources through it
     * (ServiceLoader, Jackson modules, the SDK).
     */
    private <T, E extends Exception> T inFunctionContext(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void dispatch(String functionName, InputStream event, OutputStream response, Context context)
            throws Exception {
        Target target = target(functionName);
        Context effectiveContext = context != null ? context
                : LocalContext.create(functionName, Duration.ofMinutes(15),
                        ProjectConfig.DEFAULT_MEMORY_SIZE, Clock.systemUTC());
        Invocation invocation = new Invocation(DynamodbEventJson.readTree(event), effectiveContext);
        Object[] arguments = new Object[target.parameters().size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = target.parameters().get(i).argument(invocation);
        }
        JetsEvent base = target.instance() instanceof JetsEvent e ? e : null;
        Object result;
        if (base != null) {
            base.bind(invocation);
        }
        try {
            result = target.method().invoke(target.instance(), arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } finally {
            if (base != null) {
                base.bind(null);
            }
        }
        write(result, response);
    }

    @Override
    public void prepare(String functionName) {
        inFunctionContext(() -> target(functionName));
    }

    /** Work run in the function's context, throwing what it throws. */
    @FunctionalInterface
    private interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private Target target(String functionName) {
        Target target = targets.get(functionName);
        if (target == null) {
            FunctionDefinition function = index.function(functionName).orElseThrow(() -> new JetsException(
                    "Unknown function " + functionName + "; known functions: " + known()));
            target = resolve(function);
            targets.put(functionName, target);
        }
        return target;
    }

    private String known() {
        List<String> names = index.functionNames();
        return names.isEmpty() ? "none (no handler methods were compiled; is jets-core's annotation processor"
                + " enabled?)" : String.join(", ", names);
    }

    private Target resolve(FunctionDefinition function) {
        try {
            Class<?> type = Class.forName(function.className(), true, classLoader);
            List<String> parameterNames = function.parameterClassNames();
            Class<?>[] parameterTypes = new Class<?>[parameterNames.size()];
            for (int i = 0; i < parameterTypes.length; i++) {
                parameterTypes[i] = Class.forName(parameterNames.get(i), false, classLoader);
            }
            Method method = type.getMethod(function.methodName(), parameterTypes);
            if (Modifier.isStatic(method.getModifiers())) {
                throw new JetsException("Handler " + function.className() + "#" + function.methodName()
                        + " must not be static");
            }
            List<Parameter> parameters = Arrays.stream(method.getGenericParameterTypes())
                    .map(t -> parameter(t, function)).toList();
            Object instance = instances.get(type);
            if (instance == null) {
                instance = instantiate(type);
                instances.put(type, instance);
            }
            return new Target(instance, method, parameters);
        } catch (ExceptionInInitializerError e) {
            throw new JetsException("Initialising " + function.className() + " failed: " + e.getCause(), e.getCause());
        } catch (InvocationTargetException e) {
            // The constructor failed: Lambda reports that by the user's exception, as for any handler class.
            throw IndexedFunctionDispatcher.<RuntimeException>rethrow(e.getCause());
        } catch (NoClassDefFoundError e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith(UNINITIALISED)) {
                // Lambda, and jets dev, give the function a new environment after a failed initialisation; a class
                // loader shared by every invocation (a test's) never runs the failed class's initialiser again
                throw new JetsException("Initialising " + message.substring(UNINITIALISED.length()) + " failed"
                        + " earlier in this JVM, which runs a class's static initialiser only once per class loader: "
                        + function.name() + " cannot run again until its class is loaded anew (as Lambda and jets dev"
                        + " do in each new execution environment)", e);
            }
            throw cannotLoad(function, e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw cannotLoad(function, e);
        }
    }

    private static JetsException cannotLoad(FunctionDefinition function, Throwable e) {
        return new JetsException("Cannot load function " + function.name() + " (" + function.className() + "#"
                + function.methodName() + "): " + e + "; recompile the application so that its handler index"
                + " matches its classes", e);
    }

    private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
        return type.getConstructor().newInstance();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable e) throws T {
        throw (T) e;
    }

    private static Parameter parameter(Type type, FunctionDefinition function) {
        if (type == Context.class) {
            return Invocation::context;
        } else if (type == DynamodbTimeWindowEvent.class) {
            return invocation -> DynamodbEventJson.parseTimeWindow(invocation.tree());
        } else if (type == DynamodbEvent.class) {
            return Invocation::dynamodbEvent;
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] instanceof ParameterizedType change
                && change.getRawType() == io.jets.core.images.Change.class) {
            Type imageType = change.getActualTypeArguments()[0];
            return invocation -> Images.changes(invocation.dynamodbEvent(), imageType);
        }
        throw new JetsException("Handler " + function.className() + "#" + function.methodName()
                + " has a parameter of unsupported type " + type.getTypeName()
                + "; use DynamodbEvent, DynamodbTimeWindowEvent, Context or List<Change<T>>");
    }

    private static void write(Object result, OutputStream response) throws java.io.IOException {
        if (result == null) {
            return;
        }
        String json;
        if (result instanceof StreamsEventResponse streams) {
            json = DynamodbEventJson.toJson(streams);
        } else if (result instanceof TimeWindowEventResponse window) {
            json = DynamodbEventJson.toJson(window);
        } else {
            json = new ObjectMapper().writeValueAsString(result);
        }
        response.write(json.getBytes(StandardCharsets.UTF_8));
        response.flush();
    }

    /** How one method parameter gets its value from the running invocation. */
    private interface Parameter {
        Object argument(Invocation invocation);
    }

    private record Target(Object instance, Method method, List<Parameter> parameters) {
    }
}
