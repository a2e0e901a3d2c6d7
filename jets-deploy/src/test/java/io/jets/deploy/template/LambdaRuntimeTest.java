package io.jets.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.deploy.DeployException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.lambda.model.Runtime;

class LambdaRuntimeTest {

    @Test
    void ids_areLambdasJavaRuntimesFromJava17_inTheLambdaApisSpelling() {
        assertThat(LambdaRuntime.ids()).containsExactly("java17", "java17.al2023", "java21", "java25");
        assertThat(LambdaRuntime.ids()).allSatisfy(id ->
                assertThat(Runtime.fromValue(id)).as(id).isNotEqualTo(Runtime.UNKNOWN_TO_SDK_VERSION));
    }

    @ParameterizedTest
    @CsvSource({"java17, 17", "java17.al2023, 17", "java21, 21", "java25, 25"})
    void of_acceptedId_givesTheRuntimeAndTheJavaReleaseItLoads(String id, int javaVersion) {
        LambdaRuntime runtime = LambdaRuntime.of(id);

        assertThat(runtime.id()).isEqualTo(id);
        assertThat(runtime.javaVersion()).isEqualTo(javaVersion);
        assertThat(runtime.loads(javaVersion)).isTrue();
        assertThat(runtime.loads(8)).isTrue();
        assertThat(runtime.loads(javaVersion + 1)).isFalse();
    }

    @Test
    void of_unknownId_isRefusedListingTheAcceptedValues() {
        assertThatThrownBy(() -> LambdaRuntime.of("java26"))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("functions.runtime must be one of java17, java17.al2023, java21, java25, got: java26");
    }

    @ParameterizedTest
    @CsvSource({"java8", "java8.al2", "java8.al2023", "java11", "java11.al2023"})
    void of_lambdaRuntimeBelowJava17_isRefusedSayingWhy(String id) {
        assertThatThrownBy(() -> LambdaRuntime.of(id))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("functions.runtime must be one of java17, java17.al2023, java21, java25, got: " + id
                        + " (Jets runs on Java 17 or later)");
    }

    @ParameterizedTest
    @CsvSource({"8, java17", "17, java17", "18, java21", "21, java21", "22, java25", "25, java25"})
    void oldestLoading_isTheOldestRuntimeWhoseJvmLoadsTheRelease(int javaVersion, String id) {
        assertThat(LambdaRuntime.oldestLoading(javaVersion)).contains(LambdaRuntime.of(id));
    }

    @Test
    void loading_listsEveryRuntimeThatLoadsTheRelease_andNoneForAReleaseNewerThanAll() {
        assertThat(LambdaRuntime.loading(17)).containsExactly(LambdaRuntime.JAVA17, LambdaRuntime.JAVA17_AL2023,
                LambdaRuntime.JAVA21, LambdaRuntime.JAVA25);
        assertThat(LambdaRuntime.loading(21)).containsExactly(LambdaRuntime.JAVA21, LambdaRuntime.JAVA25);
        assertThat(LambdaRuntime.loading(26)).isEmpty();
        assertThat(LambdaRuntime.oldestLoading(26)).isEmpty();
    }
}
