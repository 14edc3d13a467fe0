package org.hdbn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranking on a standalone cluster of separate JVMs (master, worker and executors on 127.0.0.1)
 * gives the single-process result: the slices, the broadcast items and the returned rankings are
 * serialised for real, and hdbn's classes load on executors that share nothing with the driver.
 */
class StandaloneClusterTest {

    @Test
    void rankingOnSeparateExecutorJvmsEqualsTheSingleProcessResult(@TempDir Path dir) throws Exception {
        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("spark"), 2)) {
            StandaloneCluster.Result r = StandaloneCluster.run(dir.resolve("driver.log"), ClusterDriver.class,
                    cluster.master());
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("SAME");
            Matcher m = Pattern.compile("driver (\\d+) executors \\[([0-9, ]+)]").matcher(r.output());
            assertThat(m.find()).as(r.output()).isTrue();
            String driver = m.group(1);
            // the tasks ran in JVMs other than the driver's
            assertThat(m.group(2).split(", ")).isNotEmpty().doesNotContain(driver);
        }
    }
}
