package org.hdbn.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bench summary's epoch: the median of the epochs after the first, by hand-worked cases. */
class EpochTimesTest {

    @Test
    void theFirstEpochIsLeftOutAndTheMedianTaken() {
        // the warm-up epoch (9.0) is left out; 3.0, 5.0, 4.0 sort to 3, 4, 5
        EpochTimes odd = new EpochTimes(new double[] {9.0, 3.0, 5.0, 4.0});
        assertThat(odd.median()).isEqualTo(4.0);
        assertThat(odd.fastest()).isEqualTo(3.0);
        assertThat(odd.slowest()).isEqualTo(5.0);
        assertThat(odd.which()).isEqualTo("median of epochs 2-4");
        // an even count: the mean of the middle two (3 and 5)
        EpochTimes even = new EpochTimes(new double[] {9.0, 6.0, 3.0, 5.0, 1.0});
        assertThat(even.median()).isEqualTo(4.0);
        assertThat(even.which()).isEqualTo("median of epochs 2-5");
    }

    @Test
    void oneOrTwoEpochsSayWhatTheyAre() {
        EpochTimes one = new EpochTimes(new double[] {7.0});
        assertThat(one.median()).isEqualTo(7.0);
        assertThat(one.which()).contains("epoch 1").contains("warm-up");
        EpochTimes two = new EpochTimes(new double[] {7.0, 5.0});
        assertThat(two.median()).isEqualTo(5.0);
        assertThat(two.fastest()).isEqualTo(5.0);
        assertThat(two.which()).isEqualTo("epoch 2");
        assertThatThrownBy(() -> new EpochTimes(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
