package io.jets.core.images;

import io.jets.core.JetsException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Plain image values (see {@link Images}) to a Java type; {@code path} names the attribute in error messages. */
final class ValueConverter {

    private ValueConverter() {
    }

    static Object convert(Object value, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (value == null) {
            if (raw == Optional.class) {
                return Optional.empty();
            }
            return raw.isPrimitive() ? primitiveDefault(raw) : null;
        }
        if (raw == Object.class) {
            return value;
        }
        if (raw == Optional.class) {
            return Optional.ofNullable(convert(value, typeArgument(type, 0), path));
        }
        if (value instanceof BigDecimal number) {
            return number(number, raw, path);
        }
        if (raw == String.class) {
            return value instanceof String ? value : fail(path, "a string (S)", value);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return value instanceof Boolean ? value : fail(path, "a boolean (BOOL)", value);
        }
        if (raw == ByteBuffer.class) {
            return value instanceof ByteBuffer ? value : fail(path, "binary (B)", value);
        }
        if (raw == byte[].class) {
            if (value instanceof ByteBuffer buffer) {
                ByteBuffer copy = buffer.duplicate();
                byte[] bytes = new byte[copy.remaining()];
                copy.get(bytes);
                return bytes;
            }
            return fail(path, "binary (B)", value);
        }
        if (value instanceof String text && !raw.isAssignableFrom(String.class)) {
            return fromString(text, raw, path);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return collection(value, type, raw, path);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(value, type, path);
        }
        if (value instanceof Map<?, ?> attributes && EnhancedClientSchemas.applies(raw)) {
            Map<String, Object> plain = new LinkedHashMap<>();
            attributes.forEach((k, v) -> plain.put((String) k, v));
            return EnhancedClientSchemas.read(Images.toImage(plain), raw);
        }
        if (value instanceof Map<?, ?> attributes) {
            return raw.isRecord() ? record(attributes, raw, path) : bean(attributes, raw, path);
        }
        if (raw.isInstance(value)) {
            return value;
        }
        return fail(path, raw.getSimpleName(), value);
    }

    private static Object number(BigDecimal number, Class<?> raw, String path) {
        try {
            if (raw == BigDecimal.class || raw == Number.class) {
                return number;
            } else if (raw == int.class || raw == Integer.class) {
                return number.intValueExact();
            } else if (raw == long.class || raw == Long.class) {
                return number.longValueExact();
            } else if (raw == short.class || raw == Short.class) {
                return number.shortValueExact();
            } else if (raw == byte.class || raw == Byte.class) {
                return number.byteValueExact();
            } else if (raw == BigInteger.class) {
                return number.toBigIntegerExact();
            } else if (raw == double.class || raw == Double.class) {
                return number.doubleValue();
            } else if (raw == float.class || raw == Float.class) {
                return number.floatValue();
            } else if (raw == String.class) {
                return number.toPlainString();
            }
        } catch (ArithmeticException e) {
            throw new JetsException("Cannot read " + path + ": the number " + number.toPlainString()
                    + " does not fit " + raw.getSimpleName() + "; use a wider type such as BigDecimal");
        }
        return fail(path, raw.getSimpleName(), number);
    }

    private static Object fromString(String text, Class<?> raw, String path) {
        try {
            if (raw.isEnum()) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(text)) {
                        return constant;
                    }
                }
                return fail(path, "one of " + List.of(raw.getEnumConstants()), text);
            } else if (raw == Instant.class) {
                return Instant.parse(text);
            } else if (raw == LocalDate.class) {
                return LocalDate.parse(text);
            } else if (raw == LocalDateTime.class) {
                return LocalDateTime.parse(text);
            } else if (raw == UUID.class) {
                return UUID.fromString(text);
            } else if (raw == char.class || raw == Character.class) {
                return text.length() == 1 ? text.charAt(0) : fail(path, "a one-character string", text);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new JetsException("Cannot read " + path + " as " + raw.getSimpleName() + ": " + e.getMessage());
        }
        return fail(path, raw.getSimpleName(), text);
    }

    private static Object collection(Object value, Type type, Class<?> raw, String path) {
        if (!(value instanceof Collection<?> elements)) {
            return fail(path, "a list (L) or set (SS, NS, BS)", value);
        }
        Type elementType = typeArgument(type, 0);
        Collection<Object> result = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
        int i = 0;
        for (Object element : elements) {
            result.add(convert(element, elementType, path + "[" + i++ + "]"));
        }
        return result;
    }

    private static Object map(Object value, Type type, String path) {
        if (!(value instanceof Map<?, ?> entries)) {
            return fail(path, "a map (M)", value);
        }
        Type valueType = typeArgument(type, 1);
        Map<String, Object> result = new LinkedHashMap<>();
        entries.forEach((k, v) -> result.put((String) k, convert(v, valueType, path + "." + k)));
        return result;
    }

    private static Object record(Map<?, ?> attributes, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Attribute renamed = component.getAnnotation(Attribute.class);
            String name = renamed == null ? component.getName() : renamed.value();
            arguments[i] = convert(attributes.get(name), component.getGenericType(), path + "." + name);
            parameterTypes[i] = component.getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new JetsException("Cannot create " + type.getName() + " from " + path + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new JetsException("Cannot create " + type.getName() + " from " + path + ": " + e.getMessage(), e);
        }
    }

    private static Object bean(Map<?, ?> attributes, Class<?> type, String path) {
        Object bean;
        try {
            bean = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new JetsException("Cannot read " + path + " as " + type.getName() + ": it needs to be a record or"
                    + " a class with a public no-argument constructor", e);
        }
        try {
            for (Method method : type.getMethods()) {
                if (method.getName().startsWith("set") && method.getName().length() > 3
                        && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())) {
                    Attribute renamed = method.getAnnotation(Attribute.class);
                    String name = renamed != null ? renamed.value()
                            : Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                    if (attributes.containsKey(name)) {
                        method.invoke(bean, convert(attributes.get(name), method.getGenericParameterTypes()[0],
                                path + "." + name));
                    }
                }
            }
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                    Attribute renamed = field.getAnnotation(Attribute.class);
                    String name = renamed == null ? field.getName() : renamed.value();
                    if (attributes.containsKey(name)) {
                        field.set(bean, convert(attributes.get(name), field.getGenericType(), path + "." + name));
                    }
                }
            }
        } catch (InvocationTargetException e) {
            throw new JetsException("Cannot set " + path + " on " + type.getName() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new JetsException("Cannot set " + path + " on " + type.getName() + ": " + e.getMessage(), e);
        }
        return bean;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        } else if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }

    private static Object primitiveDefault(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        } else if (primitive == char.class) {
            return '\0';
        } else if (primitive == long.class) {
            return 0L;
        } else if (primitive == double.class) {
            return 0d;
        } else if (primitive == float.class) {
            return 0f;
        } else if (primitive == short.class) {
            return (short) 0;
        } else if (primitive == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static Object fail(String path, String expected, Object value) {
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        throw new JetsException("Cannot read " + path + ": expected " + expected + ", got "
                + value.getClass().getSimpleName() + " " + shown);
    }
}
