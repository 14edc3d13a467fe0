package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricTest {

    private static final double EPS = 1e-15;

    @Test
    void hitRateIsOneInsideTheCutoff() {
        Metric hr5 = new Metric(Metric.Kind.HR, 5);
        assertThat(hr5.value(1)).isEqualTo(1.0);
        assertThat(hr5.value(5)).isEqualTo(1.0);
        assertThat(hr5.value(6)).isEqualTo(0.0);
        assertThat(hr5.name()).isEqualTo("HR@5");
    }

    @Test
    void precisionIsHitOverCutoff() {
        assertThat(new Metric(Metric.Kind.PRECISION, 10).value(10)).isCloseTo(0.1, within(EPS));
        assertThat(new Metric(Metric.Kind.PRECISION, 10).value(11)).isEqualTo(0.0);
        assertThat(new Metric(Metric.Kind.PRECISION, 3).value(1)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(new Metric(Metric.Kind.PRECISION, 3).name()).isEqualTo("P@3");
    }

    @Test
    void ndcgIsInverseLogOfRankPlusOne() {
        Metric ndcg10 = new Metric(Metric.Kind.NDCG, 10);
        assertThat(ndcg10.value(1)).isCloseTo(1.0, within(EPS));
        assertThat(ndcg10.value(3)).isCloseTo(0.5, within(EPS));   // 1/log2(4)
        assertThat(ndcg10.value(7)).isCloseTo(1.0 / 3, within(EPS)); // 1/log2(8)
        assertThat(ndcg10.value(2)).isCloseTo(0.6309297535714575, within(1e-15)); // 1/log2(3)
        assertThat(ndcg10.value(11)).isEqualTo(0.0);
        assertThat(new Metric(Metric.Kind.NDCG, 3).value(7)).isEqualTo(0.0);
        assertThat(ndcg10.name()).isEqualTo("NDCG@10");
    }

    @Test
    void mrrIsReciprocalRankWithinTheList() {
        Metric mrr20 = new Metric(Metric.Kind.MRR, 20);
        assertThat(mrr20.value(1)).isEqualTo(1.0);
        assertThat(mrr20.value(4)).isEqualTo(0.25);
        assertThat(mrr20.value(20)).isEqualTo(0.05);
        assertThat(mrr20.value(21)).isEqualTo(0.0);
        assertThat(mrr20.name()).isEqualTo("MRR@20");
    }

    @Test
    void refusesBadCutoffsAndRanks() {
        assertThatThrownBy(() -> new Metric(Metric.Kind.HR, 0)).hasMessageContaining("cutoff");
        assertThatThrownBy(() -> new Metric(Metric.Kind.HR, 5).value(0)).hasMessageContaining("rank");
    }
}
