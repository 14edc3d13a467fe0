package org.hdbn.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The choice between the Vector API kernels and their scalar twins. */
class VectorApiTest {

    @Test
    void theChoiceFollowsTheModuleTheArchitectureAndTheProperty() {
        assertThat(VectorApi.wanted(true, "amd64", null)).isTrue();
        assertThat(VectorApi.wanted(true, "aarch64", "vector")).isTrue();
        assertThat(VectorApi.wanted(false, "amd64", null)).isFalse();
        assertThat(VectorApi.wanted(true, "riscv64", null)).isFalse();
        assertThat(VectorApi.wanted(true, "x86_64", "scalar")).isFalse();
        assertThat(VectorApi.validProperty(null)).isTrue();
        assertThat(VectorApi.validProperty("scalar")).isTrue();
        assertThat(VectorApi.validProperty("vector")).isTrue();
        assertThat(VectorApi.validProperty("fast")).isFalse();
        assertThat(VectorApi.validProperty("")).isFalse();
    }

    @Test
    void theTestsRunTheVectorKernels() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector, as the launcher does
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64|aarch64"),
                "the vector kernels need SIMD");
        assertThat(VectorApi.enabled()).isTrue();
    }

    @Test
    void aClassThatDoesNotLoadGivesTheFallback() {
        Runnable fallback = () -> { };
        assertThat(VectorApi.load("org.hdbn.tensor.NoSuchKernel", Runnable.class, fallback)).isSameAs(fallback);
        // a class of another type is not taken either
        assertThat(VectorApi.load("java.lang.String", Runnable.class, fallback)).isSameAs(fallback);
    }
}
