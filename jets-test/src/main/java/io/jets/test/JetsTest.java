package io.jets.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class against a fresh local Jets: an in-memory DynamoDB server with Streams on a free
 * port, the tables the application's handlers name (created with streams on), and their event source mappings.
 * Test methods receive it as a {@link Jets} parameter. See {@link JetsExtension} for a full example.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(JetsExtension.class)
public @interface JetsTest {

    /** The project directory whose {@code jets.properties} names the tables; empty: the working directory. */
    String projectDirectory() default "";

    /** Run only these functions ({@code clerk_event-file}); empty: every function of the application. */
    String[] functions() default {};

    /** Create the handlers' tables before each test; false when the test creates them itself. */
    boolean createTables() default true;

    /** Partition key (type S) of the tables created; the seed's tables use {@code id}. */
    String partitionKey() default "id";

    /** Sort key (type S) of the tables created; empty for none. */
    String sortKey() default "";

    /** StreamViewType of the tables created: NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY. */
    String streamViewType() default "NEW_AND_OLD_IMAGES";
}
