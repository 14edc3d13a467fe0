package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.junit.jupiter.api.Test;

class PairedSignificanceTest {

    // closed forms and exact enumeration are evaluated in double precision; 1e-12 leaves room for
    // the library's different (but exact-in-principle) evaluation order
    private static final double TOL = 1e-12;

    /** Student t with 1 degree of freedom is the Cauchy law: P(|T| > t) = 1 - (2/pi) atan(t). */
    @Test
    void tTestWithOneDegreeOfFreedomMatchesTheCauchyClosedForm() {
        // differences 1 and 3: mean 2, sd sqrt(2), standard error 1, t = 2
        PairedComparison c = PairedSignificance.compare(new double[] {1, 3}, new double[] {0, 0});
        assertThat(c.n()).isEqualTo(2);
        assertThat(c.meanDifference()).isEqualTo(2.0);
        assertThat(c.tStatistic()).isCloseTo(2.0, within(TOL));
        assertThat(c.tPValue()).isCloseTo(1 - 2 / Math.PI * Math.atan(2), within(TOL)); // 0.29516723530086
    }

    /** Student t with 2 degrees of freedom: P(|T| > t) = 1 - t / sqrt(t^2 + 2). */
    @Test
    void tTestWithTwoDegreesOfFreedomMatchesItsClosedForm() {
        // a - b = 1, 2, 6: mean 3, variance 7, t = 3 / sqrt(7/3)
        PairedComparison c = PairedSignificance.compare(new double[] {1.5, 2, 7}, new double[] {0.5, 0, 1});
        double t = 3 / Math.sqrt(7.0 / 3);
        assertThat(c.meanA()).isCloseTo(10.5 / 3, within(TOL));
        assertThat(c.meanB()).isCloseTo(0.5, within(TOL));
        assertThat(c.meanDifference()).isCloseTo(3, within(TOL));
        assertThat(c.tStatistic()).isCloseTo(t, within(TOL));
        assertThat(c.tPValue()).isCloseTo(1 - t / Math.sqrt(t * t + 2), within(TOL)); // 0.18849732879931
    }

    @Test
    void tStatisticIsMeanDifferenceOverItsStandardError() {
        double[] a = {0.5, 0.25, 1, 0, 0.333, 0.75, 0.1, 0.9, 0.6};
        double[] b = {0.25, 0.5, 0.5, 0, 0, 0.7, 0.3, 0.2, 0.6};
        int n = a.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (a[i] - b[i]) / n;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (a[i] - b[i] - mean) * (a[i] - b[i] - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        PairedComparison c = PairedSignificance.compare(a, b);
        assertThat(c.tStatistic()).isCloseTo(mean / se, within(TOL));
        // swapping the systems flips the sign and keeps the p-values
        PairedComparison swapped = PairedSignificance.compare(b, a);
        assertThat(swapped.tStatistic()).isCloseTo(-c.tStatistic(), within(TOL));
        assertThat(swapped.tPValue()).isCloseTo(c.tPValue(), within(TOL));
        assertThat(swapped.wilcoxonPValue()).isCloseTo(c.wilcoxonPValue(), within(TOL));
    }

    @Test
    void wilcoxonAllPositiveFivePairsHasTheTextbookMinimumPValue() {
        // n = 5, all differences positive: W+ = 15, two-sided p = 2 * 2^-5 = 0.0625
        PairedComparison c = PairedSignificance.compare(new double[] {1, 2, 3, 4, 5}, new double[5]);
        assertThat(c.wilcoxonStatistic()).isEqualTo(15.0);
        assertThat(c.wilcoxonPValue()).isCloseTo(0.0625, within(TOL));
    }

    /**
     * Exact null distribution by enumerating all 2^8 sign patterns of ranks 1..8 (each equally
     * likely under H0); two-sided p = 2 P(W+ <= min(W+, W-)). scipy.stats.wilcoxon(method='exact')
     * gives the same 0.4609375 = 118/256 for these differences.
     */
    @Test
    void wilcoxonExactPValueMatchesEnumerationOfSignPatterns() {
        double[] d = {-1, 2, -3, 4, 5, 6, 7, -8};
        int n = d.length;
        int wPlus = 2 + 4 + 5 + 6 + 7; // ranks of the positive differences
        int wMinus = n * (n + 1) / 2 - wPlus;
        int atMost = 0;
        for (int signs = 0; signs < 1 << n; signs++) {
            int w = 0;
            for (int r = 1; r <= n; r++) {
                w += (signs >> (r - 1) & 1) == 1 ? r : 0;
            }
            atMost += w <= Math.min(wPlus, wMinus) ? 1 : 0;
        }
        double expected = Math.min(1, 2.0 * atMost / (1 << n));

        PairedComparison c = PairedSignificance.compare(d, new double[n]);
        assertThat(c.wilcoxonStatistic()).isEqualTo(wPlus);
        assertThat(expected).isEqualTo(0.4609375);
        assertThat(c.wilcoxonPValue()).isCloseTo(expected, within(TOL));
    }

    /**
     * Hit-rate-like 0/1 data: 6 triples where a hits and b misses, 1 the other way, 3 ties. With
     * zeros and tied ranks the normal approximation of Cureton (1967, JASA 62:1068) applies:
     * zeros take ranks 1..3 (average 2), the seven |1|s ranks 4..10 (average 7), W+ = 6 * 7 = 42;
     * E = (n(n+1) - z(z+1)) / 4 = (110 - 12) / 4 = 24.5;
     * Var = (n(n+1)(2n+1) - z(z+1)(2z+1)) / 24 - sum(t^3 - t) / 48 = (2310 - 84) / 24 - 336 / 48 = 85.75,
     * the tie sum over the non-zero |d| only (one group of 7; the zeros are not in W+, so their
     * ties do not change its variance; scipy's zero_method="pratt" does the same);
     * with the continuity correction Z = (42 - 24.5 - 0.5) / sqrt(85.75) = 1.8358274403305321;
     * p = 2 (1 - Phi(Z)) = 0.06638318174898249 (Phi evaluated with erfc in double precision).
     * commons-statistics 1.2 also subtracts the zeros' tie term (24/48) and gets 0.06559.
     */
    @Test
    void wilcoxonWithZerosAndTiesUsesTheCuretonApproximation() {
        double[] a = {1, 1, 1, 1, 1, 1, 0, 0, 1, 0};
        double[] b = {0, 0, 0, 0, 0, 0, 1, 0, 1, 0};
        PairedComparison c = PairedSignificance.compare(a, b);
        assertThat(c.wilcoxonStatistic()).isEqualTo(42.0);
        // tolerance: the normal tail is evaluated by commons-statistics' routine, not erfc
        assertThat(c.wilcoxonPValue()).isCloseTo(0.06638318174898249, within(1e-12));
        assertThat(c.meanDifference()).isCloseTo(0.5, within(TOL));
    }

    @Test
    void identicalSystemsGetPValueOne() {
        double[] same = {0, 1, 0.5, 0, 1};
        PairedComparison c = PairedSignificance.compare(same, same.clone());
        assertThat(c).isEqualTo(new PairedComparison(5, 0.5, 0.5, 0, 0, 1, 0, 1));
    }

    @Test
    void constantNonZeroDifferenceIsInfinitelySignificantForTheTTest() {
        PairedComparison c = PairedSignificance.compare(new double[] {1, 2, 3}, new double[] {0, 1, 2});
        assertThat(c.tStatistic()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(c.tPValue()).isZero();
    }

    @Test
    void refusesBadSamples() {
        assertThatThrownBy(() -> PairedSignificance.compare(new double[3], new double[4]))
                .hasMessageContaining("3 vs 4");
        assertThatThrownBy(() -> PairedSignificance.compare(new double[1], new double[1]))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> PairedSignificance.compare(new double[] {0, Double.NaN}, new double[2]))
                .hasMessageContaining("pair 1");
    }

    @Test
    void comparesTwoEvaluationsOnTheSameTriples() {
        Interactions eval = new Interactions(new int[] {0, 0, 1}, new int[] {0, 1, 2}, new int[] {0, 0, 0});
        SeenItems train = SeenItems.of(new Interactions(new int[] {0}, new int[] {1}, new int[] {0}));
        RankingEvaluator evaluator = RankingEvaluator.forCutoffs(1);
        // system a ranks every target first; system b ranks them last
        EvaluationResult a = evaluator.evaluate(new ArrayBlockScorer(new double[][] {
            {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), eval, train);
        EvaluationResult b = evaluator.evaluate(new ArrayBlockScorer(new double[][] {
            {0, 1, 1}, {1, 0, 1}, {1, 1, 0}}), eval, train);

        PairedComparison strict = PairedSignificance.compare(a, b, Protocol.STRICT, "HR@1");
        assertThat(strict.n()).isEqualTo(2); // row 1's target was seen in training
        assertThat(strict.meanDifference()).isEqualTo(1.0);
        PairedComparison paper = PairedSignificance.compare(a, b, Protocol.PAPER, "HR@1");
        assertThat(paper.n()).isEqualTo(3);

        Interactions other = new Interactions(new int[] {0, 0, 1}, new int[] {0, 0, 2}, new int[] {0, 0, 0});
        EvaluationResult c = evaluator.evaluate(new ArrayBlockScorer(new double[][] {
            {1, 0, 0}, {1, 0, 0}, {0, 0, 1}}), other, train);
        assertThatThrownBy(() -> PairedSignificance.compare(a, c, Protocol.STRICT, "HR@1"))
                .hasMessageContaining("different triples");
        assertThatThrownBy(() -> PairedSignificance.compare(a, b, Protocol.STRICT, "HR@7"))
                .hasMessageContaining("unknown metric 'HR@7'");
    }

    @Test
    void wilcoxonStaysFiniteWhenZeroDifferencesDominate() {
        // 990 zero differences and 10 of +1: Pratt ranks the zeros 1..990, the ten tie at 995.5, so
        // W+ = 9955; mean (1000*1001 - 990*991)/4 = 4977.5; var (2003001000 - 1943539290)/24
        // - (10^3 - 10)/48 = 2477550.625; z = (9955 - 4977.5 - 0.5)/sqrt(var) = 3.16196 -> p = 0.00156711
        // (erfc in double precision; commons-statistics 1.2 returns NaN here)
        double[] a = new double[1000];
        double[] b = new double[1000];
        for (int i = 990; i < 1000; i++) {
            a[i] = 1;
        }
        PairedComparison c = PairedSignificance.compare(a, b);
        assertThat(c.wilcoxonStatistic()).isEqualTo(9955);
        assertThat(c.wilcoxonPValue()).isCloseTo(0.0015671108742325805, within(1e-12));
    }

    @Test
    void theApproximationAgreesWithTheLibraryWhenNoDifferenceIsZero() {
        // 200 pairs with ties but no zero difference: the library's normal approximation is the same
        org.apache.commons.rng.UniformRandomProvider rng = org.hdbn.random.RandomStreams.create(11);
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(5) / 4.0;
            b[i] = a[i] + (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextInt(4)) / 8.0;
        }
        double library = org.apache.commons.statistics.inference.WilcoxonSignedRankTest.withDefaults().test(a, b)
                .getPValue();
        assertThat(library).isFinite();
        assertThat(PairedSignificance.prattNormalPValue(a, b)).isCloseTo(library, within(1e-12));
    }
}
