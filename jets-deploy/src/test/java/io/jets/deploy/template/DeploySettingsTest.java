package io.jets.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.deploy.DeployException;
import io.jets.deploy.build.NewestClass;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeploySettingsTest {

    private static final NewestClass JAVA_21 = new NewestClass("demo.events.ClerkEvent", 65);
    private static final NewestClass JAVA_25 = new NewestClass("demo.events.ClerkEvent", 69);

    @Test
    void defaults_runOnJava17() {
        assertThat(DeploySettings.defaults().runtime()).isEqualTo("java17");
        assertThat(DeploySettings.defaults().lambdaRuntime()).isEqualTo(LambdaRuntime.JAVA17);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java17", "java17.al2023", "java21", "java25"})
    void from_acceptedRuntime_isKept_withSnapStartToo(String runtime) {
        DeploySettings settings = DeploySettings.from(Map.of("functions.runtime", " " + runtime + " ",
                "functions.snap_start", "true"));

        assertThat(settings.runtime()).isEqualTo(runtime);
        assertThat(settings.snapStart()).isTrue();
    }

    @Test
    void from_runtimeLambdaDoesNotOffer_isRefusedListingTheAcceptedValues() {
        assertThatThrownBy(() -> DeploySettings.from(Map.of("functions.runtime", "java25.al2023")))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("functions.runtime must be one of java17, java17.al2023, java21, java25, got: java25.al2023");
    }

    @Test
    void from_java11_isRefusedNamingJetsJava17Floor() {
        assertThatThrownBy(() -> DeploySettings.from(Map.of("functions.runtime", "java11")))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("functions.runtime must be one of java17, java17.al2023, java21, java25, got: java11 "
                        + "(Jets runs on Java 17 or later)");
    }

    @ParameterizedTest
    @CsvSource({"61, java17", "52, java17", "65, java21", "62, java21", "69, java25", "66, java25"})
    void from_withoutRuntime_takesTheOldestRuntimeThatLoadsTheClasses(int major, String runtime) {
        DeploySettings settings = DeploySettings.from(Map.of(), Optional.of(new NewestClass("demo.Order", major)));

        assertThat(settings.runtime()).isEqualTo(runtime);
    }

    @Test
    void from_withoutRuntimeOrClasses_isJava17() {
        assertThat(DeploySettings.from(Map.of("functions.runtime", ""), Optional.empty()).runtime())
                .isEqualTo("java17");
    }

    @ParameterizedTest
    @CsvSource({"java17, 61", "java17.al2023, 61", "java21, 61", "java21, 65", "java25, 61", "java25, 69"})
    void from_runtimeThatLoadsTheClasses_isKept(String runtime, int major) {
        DeploySettings settings = DeploySettings.from(Map.of("functions.runtime", runtime),
                Optional.of(new NewestClass("demo.Order", major)));

        assertThat(settings.runtime()).isEqualTo(runtime);
    }

    @Test
    void from_java17WithClassesForJava21_isRefusedNamingTheClassAndTheRuntimesThatLoadIt() {
        assertThatThrownBy(() -> DeploySettings.from(Map.of("functions.runtime", "java17"), Optional.of(JAVA_21)))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("demo.events.ClerkEvent is compiled for Java 21 (class file version 65), which "
                        + "functions.runtime=java17 cannot load (Lambda would fail with UnsupportedClassVersionError). "
                        + "Set functions.runtime to java21 or java25 in jets.properties, or compile with --release 17");
    }

    @Test
    void from_java17al2023WithClassesForJava21_isRefusedToo() {
        assertThatThrownBy(() -> DeploySettings.from(Map.of("functions.runtime", "java17.al2023"),
                Optional.of(JAVA_21)))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("demo.events.ClerkEvent is compiled for Java 21 (class file version 65), which "
                        + "functions.runtime=java17.al2023 cannot load (Lambda would fail with "
                        + "UnsupportedClassVersionError). Set functions.runtime to java21 or java25 in jets.properties, "
                        + "or compile with --release 17");
    }

    @Test
    void from_java21WithClassesForJava25_isRefusedNamingJava25() {
        assertThatThrownBy(() -> DeploySettings.from(Map.of("functions.runtime", "java21"), Optional.of(JAVA_25)))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("demo.events.ClerkEvent is compiled for Java 25 (class file version 69), which "
                        + "functions.runtime=java21 cannot load (Lambda would fail with UnsupportedClassVersionError). "
                        + "Set functions.runtime to java25 in jets.properties, or compile with --release 21");
    }

    @Test
    void from_classesNewerThanEveryRuntime_isRefusedWithOrWithoutARuntime() {
        Optional<NewestClass> java26 = Optional.of(new NewestClass("demo.events.ClerkEvent", 70));
        String message = "demo.events.ClerkEvent is compiled for Java 26 (class file version 70), newer than every "
                + "Lambda Java runtime (the newest is java25). Compile with --release 25 or lower";

        assertThatThrownBy(() -> DeploySettings.from(Map.of(), java26))
                .isExactlyInstanceOf(DeployException.class).hasMessage(message);
        assertThatThrownBy(() -> DeploySettings.from(Map.of("functions.runtime", "java25"), java26))
                .isExactlyInstanceOf(DeployException.class).hasMessage(message);
    }

    @Test
    void from_unknownRuntime_isRefusedBeforeTheClassesAreConsidered() {
        assertThatThrownBy(() -> DeploySettings.from(Map.of("functions.runtime", "java26"),
                Optional.of(new NewestClass("demo.events.ClerkEvent", 70))))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("functions.runtime must be one of java17, java17.al2023, java21, java25, got: java26");
    }
}
