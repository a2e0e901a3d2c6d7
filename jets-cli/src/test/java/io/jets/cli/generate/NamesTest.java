package io.jets.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.cli.CliException;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void eventClassName_camelizesAndAddsEventOnce() {
        assertThat(Names.eventClassName("clerk")).isEqualTo("ClerkEvent");
        assertThat(Names.eventClassName("clerk_event")).isEqualTo("ClerkEvent");
        assertThat(Names.eventClassName("ClerkEvent")).isEqualTo("ClerkEvent");
        assertThat(Names.eventClassName("order-audit")).isEqualTo("OrderAuditEvent");
    }

    @Test
    void eventClassName_rejectsWhatIsNotAJavaName() {
        assertThatThrownBy(() -> Names.eventClassName("1clerk"))
                .isExactlyInstanceOf(CliException.class)
                .hasMessage("Invalid event name: '1clerk'. Use letters, digits, '_' or '-', starting with a letter, "
                        + "for example: jets generate:event clerk");
    }

    @Test
    void functionName_followsJets() {
        assertThat(Names.functionName("ClerkEvent", "file")).isEqualTo("clerk_event-file");
        assertThat(Names.functionName("HTTPAuditEvent", "run")).isEqualTo("http_audit_event-run");
    }

    @Test
    void functionName_ofACamelCaseMethod_isTheNameTheProcessorGives() {
        assertThat(Names.functionName("ClerkThingEvent", "fileItem")).isEqualTo("clerk_thing_event-file_item");
    }

    @Test
    void packageName_isAValidJavaPackage() {
        assertThat(Names.packageName("demo")).isEqualTo("demo");
        assertThat(Names.packageName("My-App")).isEqualTo("my_app");
        assertThat(Names.packageName("1st")).isEqualTo("_1st");
        assertThat(Names.packageName("class")).isEqualTo("_class");
    }

    @Test
    void checkMethodName_rejectsKeywords() {
        assertThatThrownBy(() -> Names.checkMethodName("new"))
                .isExactlyInstanceOf(CliException.class)
                .hasMessage("Invalid method name: 'new'. Use a Java method name, for example: --method file");
    }
}
