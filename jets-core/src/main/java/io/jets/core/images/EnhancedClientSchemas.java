package io.jets.core.images;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.jets.core.JetsException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads images into classes annotated for the DynamoDB Enhanced Client ({@code @DynamoDbBean},
 * {@code @DynamoDbImmutable}) through their own {@code TableSchema}, so that the application's attribute names,
 * converters and flattening apply. Reached by reflection: jets-core does not depend on the SDK, and
 * applications without the Enhanced Client never load any of this.
 */
final class EnhancedClientSchemas {

    private static final String ANNOTATIONS = "software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.";
    private static final Set<String> MARKERS = Set.of(ANNOTATIONS + "DynamoDbBean", ANNOTATIONS + "DynamoDbImmutable");
    private static final String TABLE_SCHEMA = "software.amazon.awssdk.enhanced.dynamodb.TableSchema";
    private static final String ATTRIBUTE_VALUE = "software.amazon.awssdk.services.dynamodb.model.AttributeValue";
    private static final String SDK_BYTES = "software.amazon.awssdk.core.SdkBytes";

    // TableSchema.fromClass inspects the class and generates accessors, too slow to repeat per record; a
    // ClassValue keeps one schema per class for as long as that class (and its class loader) lives.
    private static final ClassValue<Schema> SCHEMAS = new ClassValue<>() {
        @Override
        protected Schema computeValue(Class<?> type) {
            return Schema.of(type);
        }
    };

    private EnhancedClientSchemas() {
    }

    static boolean applies(Class<?> type) {
        for (Annotation annotation : type.getAnnotations()) {
            if (MARKERS.contains(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    static Object read(Map<String, AttributeValue> image, Class<?> type) {
        return SCHEMAS.get(type).mapToItem(image);
    }

    /** The reflective handles of one class's schema and the SDK's AttributeValue builder. */
    private record Schema(Class<?> type, Object tableSchema, Method mapToItem, Method builder, Method build,
                          Map<String, Method> setters, Method fromByteBuffer) {

        static Schema of(Class<?> type) {
            try {
                ClassLoader loader = type.getClassLoader();
                Class<?> tableSchema = Class.forName(TABLE_SCHEMA, true, loader);
                Object schema = tableSchema.getMethod("fromClass", Class.class).invoke(null, type);
                Class<?> attributeValue = Class.forName(ATTRIBUTE_VALUE, true, loader);
                Class<?> builderType = Class.forName(ATTRIBUTE_VALUE + "$Builder", true, loader);
                Class<?> sdkBytes = Class.forName(SDK_BYTES, true, loader);
                Map<String, Method> setters = new LinkedHashMap<>();
                setters.put("s", builderType.getMethod("s", String.class));
                setters.put("n", builderType.getMethod("n", String.class));
                setters.put("b", builderType.getMethod("b", sdkBytes));
                setters.put("ss", builderType.getMethod("ss", Collection.class));
                setters.put("ns", builderType.getMethod("ns", Collection.class));
                setters.put("bs", builderType.getMethod("bs", Collection.class));
                setters.put("m", builderType.getMethod("m", Map.class));
                setters.put("l", builderType.getMethod("l", Collection.class));
                setters.put("nul", builderType.getMethod("nul", Boolean.class));
                setters.put("bool", builderType.getMethod("bool", Boolean.class));
                return new Schema(type, schema, tableSchema.getMethod("mapToItem", Map.class),
                        attributeValue.getMethod("builder"), builderType.getMethod("build"), setters,
                        sdkBytes.getMethod("fromByteBuffer", ByteBuffer.class));
            } catch (InvocationTargetException e) {
                throw new JetsException("Cannot build the Enhanced Client TableSchema of " + type.getName() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new JetsException(type.getName() + " is annotated for the DynamoDB Enhanced Client, but"
                        + " software.amazon.awssdk:dynamodb-enhanced cannot be used: " + e, e);
            }
        }

        Object mapToItem(Map<String, AttributeValue> image) {
            try {
                return mapToItem.invoke(tableSchema, sdkImage(image));
            } catch (InvocationTargetException e) {
                throw new JetsException("Cannot read an image as " + type.getName() + ": " + e.getCause().getMessage(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new JetsException("Cannot read an image as " + type.getName() + ": " + e, e);
            }
        }

        private Map<String, Object> sdkImage(Map<String, AttributeValue> image) throws ReflectiveOperationException {
            Map<String, Object> sdk = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> attribute : image.entrySet()) {
                sdk.put(attribute.getKey(), sdkValue(attribute.getValue()));
            }
            return sdk;
        }

        private Object sdkValue(AttributeValue value) throws ReflectiveOperationException {
            Object builder = this.builder.invoke(null);
            if (value.getS() != null) {
                set(builder, "s", value.getS());
            } else if (value.getN() != null) {
                set(builder, "n", value.getN());
            } else if (value.getB() != null) {
                set(builder, "b", bytes(value.getB()));
            } else if (value.getSS() != null) {
                set(builder, "ss", value.getSS());
            } else if (value.getNS() != null) {
                set(builder, "ns", value.getNS());
            } else if (value.getBS() != null) {
                List<Object> set = new ArrayList<>();
                for (ByteBuffer b : value.getBS()) {
                    set.add(bytes(b));
                }
                set(builder, "bs", set);
            } else if (value.getM() != null) {
                set(builder, "m", sdkImage(value.getM()));
            } else if (value.getL() != null) {
                List<Object> list = new ArrayList<>();
                for (AttributeValue element : value.getL()) {
                    list.add(sdkValue(element));
                }
                set(builder, "l", list);
            } else if (value.getNULL() != null) {
                set(builder, "nul", value.getNULL());
            } else if (value.getBOOL() != null) {
                set(builder, "bool", value.getBOOL());
            }
            return build.invoke(builder);
        }

        private void set(Object builder, String setter, Object value) throws ReflectiveOperationException {
            setters.get(setter).invoke(builder, value);
        }

        private Object bytes(ByteBuffer buffer) throws ReflectiveOperationException {
            return fromByteBuffer.invoke(null, buffer.asReadOnlyBuffer());
        }
    }
}
