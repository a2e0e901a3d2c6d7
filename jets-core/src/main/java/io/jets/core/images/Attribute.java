package io.jets.core.images;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the DynamoDB attribute a record component, field or setter reads, when it differs from the Java name.
 *
 * <pre>{@code
 * public record Order(String id, @Attribute("order_total") BigDecimal total) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Attribute {
    String value();
}
