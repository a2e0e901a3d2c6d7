package io.jets.core.images;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.jets.core.JetsException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads DynamoDB images ({@code Keys}, {@code NewImage}, {@code OldImage}) as plain Java values or as the
 * application's own types, so that handlers do not unwrap {@code {"S": "x"}} by hand.
 *
 * <p>Plain values: S → {@link String}; N → {@link BigDecimal} (full precision); B → read-only {@link ByteBuffer};
 * SS → {@code Set<String>}; NS → {@code Set<BigDecimal>}; BS → {@code Set<ByteBuffer>}; L → {@code List<Object>};
 * M → {@code Map<String, Object>}; NULL → {@code null}; BOOL → {@link Boolean}. Maps and sets keep DynamoDB's
 * order and are unmodifiable.
 *
 * <p>Typed: a record (by component name) or a bean (public no-argument constructor, setters or public fields),
 * attribute names matched exactly or through {@link Attribute}. Components may be any of the plain types, the
 * primitive and boxed numbers (an N that does not fit is an error, not a silent truncation), {@code BigInteger},
 * {@code byte[]}, enums, {@code Instant}/{@code LocalDate}/{@code UUID} from strings, {@code List}/{@code Set}/
 * {@code Map}/{@code Optional} of those, and nested records or beans. Missing attributes are null (0 or false for
 * primitives); extra attributes are ignored. A class annotated for the DynamoDB Enhanced Client
 * ({@code @DynamoDbBean}, {@code @DynamoDbImmutable}) is read through its own {@code TableSchema} instead, so its
 * attribute names and converters apply; jets-core finds the Enhanced Client on the application's classpath. A {@code String} component also reads an N, as its exact digits.
 *
 * <pre>{@code
 * record Order(String id, BigDecimal total, Set<String> tags) {}
 *
 * Map<String, Object> values = Images.toValues(record.getDynamodb().getNewImage());
 * Order order = Images.read(record.getDynamodb().getNewImage(), Order.class);
 * List<Change<Order>> changes = Images.changes(event, Order.class);
 * }</pre>
 */
public final class Images {

    private Images() {
    }

    /** The image as plain values; an empty map for a null image. */
    public static Map<String, Object> toValues(Map<String, AttributeValue> image) {
        if (image == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        image.forEach((name, value) -> values.put(name, toValue(value)));
        return Collections.unmodifiableMap(values);
    }

    /** One attribute as a plain value. */
    public static Object toValue(AttributeValue value) {
        if (value.getS() != null) {
            return value.getS();
        } else if (value.getN() != null) {
            return new BigDecimal(value.getN());
        } else if (value.getB() != null) {
            return value.getB().asReadOnlyBuffer();
        } else if (value.getSS() != null) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(value.getSS()));
        } else if (value.getNS() != null) {
            Set<BigDecimal> numbers = new LinkedHashSet<>();
            value.getNS().forEach(n -> numbers.add(new BigDecimal(n)));
            return Collections.unmodifiableSet(numbers);
        } else if (value.getBS() != null) {
            Set<ByteBuffer> buffers = new LinkedHashSet<>();
            value.getBS().forEach(b -> buffers.add(b.asReadOnlyBuffer()));
            return Collections.unmodifiableSet(buffers);
        } else if (value.getM() != null) {
            return toValues(value.getM());
        } else if (value.getL() != null) {
            List<Object> list = new ArrayList<>();
            value.getL().forEach(element -> list.add(toValue(element)));
            return Collections.unmodifiableList(list);
        } else if (value.getNULL() != null) {
            return null;
        } else if (value.getBOOL() != null) {
            return value.getBOOL();
        }
        throw new JetsException("An AttributeValue must have one of S, N, B, SS, NS, BS, M, L, NULL, BOOL set,"
                + " got an empty one");
    }

    /**
     * The reverse of {@link #toValues}: plain values (including {@code byte[]}, any {@link Number}, and
     * records, read by component name) as a DynamoDB image, attribute order kept.
     */
    public static Map<String, AttributeValue> toImage(Map<String, ?> values) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        values.forEach((name, value) -> image.put(name, toAttributeValue(value)));
        return image;
    }

    /** One plain value as an attribute: a {@code Set} of strings is SS, of numbers NS, of binaries BS. */
    public static AttributeValue toAttributeValue(Object value) {
        return PlainValues.toAttributeValue(value);
    }

    /** The image as {@code type}; null for a null image. */
    public static <T> T read(Map<String, AttributeValue> image, Class<T> type) {
        return type.cast(read(image, (Type) type));
    }

    /** The image as {@code type}, which may be generic ({@code Map<String, Object>}); null for a null image. */
    public static Object read(Map<String, AttributeValue> image, Type type) {
        return image == null ? null : ValueConverter.convert(toValues(image), type, type.getTypeName());
    }

    /** Plain values to {@code type}, as {@link #read(Map, Class)} does for an image. */
    public static <T> T convert(Map<String, Object> values, Class<T> type) {
        return type.cast(ValueConverter.convert(values, type, type.getTypeName()));
    }

    /** Every record of the event, in order, with its images as plain values. */
    public static List<Change<Map<String, Object>>> changes(DynamodbEvent event) {
        List<Change<Map<String, Object>>> changes = new ArrayList<>();
        for (DynamodbStreamRecord record : records(event)) {
            StreamRecord stream = record.getDynamodb();
            changes.add(change(record, stream == null ? null : optionalValues(stream.getOldImage()),
                    stream == null ? null : optionalValues(stream.getNewImage())));
        }
        return changes;
    }

    /** Every record of the event, in order, with its images read as {@code type}. */
    public static <T> List<Change<T>> changes(DynamodbEvent event, Class<T> type) {
        List<Change<T>> changes = new ArrayList<>();
        for (Change<Object> change : changes(event, (Type) type)) {
            changes.add(new Change<>(change.kind(), change.keys(), change.before().map(type::cast),
                    change.after().map(type::cast), change.sequenceNumber(), change.approximateCreationTime()));
        }
        return changes;
    }

    /** Every record of the event with its images read as {@code type}, which may be generic. */
    public static List<Change<Object>> changes(DynamodbEvent event, Type type) {
        List<Change<Object>> changes = new ArrayList<>();
        for (DynamodbStreamRecord record : records(event)) {
            StreamRecord stream = record.getDynamodb();
            Optional<Object> before = stream == null ? Optional.empty()
                    : Optional.ofNullable(read(stream.getOldImage(), type));
            Optional<Object> after = stream == null ? Optional.empty()
                    : Optional.ofNullable(read(stream.getNewImage(), type));
            changes.add(change(record, before, after));
        }
        return changes;
    }

    private static <T> Change<T> change(DynamodbStreamRecord record, Optional<T> before, Optional<T> after) {
        StreamRecord stream = record.getDynamodb();
        String name = record.getEventName();
        Change.Kind kind;
        try {
            kind = Change.Kind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new JetsException("A DynamoDB stream record's eventName is INSERT, MODIFY or REMOVE, got: " + name);
        }
        Map<String, Object> keys = stream == null ? Map.of() : toValues(stream.getKeys());
        Instant created = stream == null || stream.getApproximateCreationDateTime() == null ? null
                : stream.getApproximateCreationDateTime().toInstant();
        return new Change<>(kind, keys, before, after, stream == null ? null : stream.getSequenceNumber(), created);
    }

    private static Optional<Map<String, Object>> optionalValues(Map<String, AttributeValue> image) {
        return image == null ? Optional.empty() : Optional.of(toValues(image));
    }

    private static List<DynamodbStreamRecord> records(DynamodbEvent event) {
        return event.getRecords() == null ? List.of() : event.getRecords();
    }
}
