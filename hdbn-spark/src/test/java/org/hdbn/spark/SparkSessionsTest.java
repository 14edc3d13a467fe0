package org.hdbn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which masters run embedded, and how many cores an embedded one has. */
class SparkSessionsTest {

    @Test
    void localMastersAndTheirCores() {
        assertThat(SparkSessions.isLocal("local[2]")).isTrue();
        assertThat(SparkSessions.isLocal("local")).isTrue();
        assertThat(SparkSessions.isLocal("spark://127.0.0.1:7077")).isFalse();
        assertThat(SparkSessions.localCores("local")).isEqualTo(1);
        assertThat(SparkSessions.localCores("local[3]")).isEqualTo(3);
        assertThat(SparkSessions.localCores("local[2,4]")).isEqualTo(2);
        assertThat(SparkSessions.localCores("local[*]")).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> SparkSessions.localCores("local[two]")).hasMessageContaining("local[N]");
    }
}
