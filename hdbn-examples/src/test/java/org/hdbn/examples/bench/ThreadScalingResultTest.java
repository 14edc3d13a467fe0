package org.hdbn.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadScalingResultTest {

    @Test
    void theSpeedupIsTheMedianOfTheEpochByEpochRatiosAfterTheFirst() {
        // against 2 threads: 9/3 (the warm-up epoch, left out), 4/2 = 2, 6/2 = 3, 8/8 = 1: median 2
        // against 4 threads: 4/1 = 4, 6/4 = 1.5, 8/2 = 4: median 4, where the medians' ratio is 6/2 = 3
        ThreadScalingBench.Result r = new ThreadScalingBench.Result(List.of(1, 2, 4),
                List.of(new double[] {9, 4, 6, 8}, new double[] {3, 2, 2, 8}, new double[] {9, 1, 4, 2}), true);
        assertThat(r.speedup(1)).isCloseTo(2.0, within(1e-12));
        assertThat(r.speedup(2)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void parametersAreComparedBitForBit() {
        List<double[]> a = List.of(new double[] {1, 0.0}, new double[] {Double.NaN});
        assertThat(ThreadScalingBench.sameBits(List.of(a, List.of(new double[] {1, 0.0}, new double[] {Double.NaN}))))
                .isTrue();
        assertThat(ThreadScalingBench.sameBits(List.of(a, List.of(new double[] {1, -0.0}, new double[] {Double.NaN}))))
                .isFalse();
        assertThat(ThreadScalingBench.sameBits(List.of(a, a, List.of(new double[] {1, 0.0}, new double[] {2}))))
                .as("any model, not only the second").isFalse();
        assertThat(ThreadScalingBench.sameBits(List.of(a, List.of(new double[] {1, 0.0})))).isFalse();
    }
}
