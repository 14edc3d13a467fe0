package org.hdbn.eval;

/**
 * Two systems compared on the same triples; differences are {@code a - b}.
 *
 * @param n number of pairs
 * @param meanA mean of system a's values
 * @param meanB mean of system b's values
 * @param meanDifference mean of {@code a - b}
 * @param tStatistic paired t statistic: mean difference over its standard error
 * @param tPValue two-sided p-value of the paired t-test (n - 1 degrees of freedom)
 * @param wilcoxonStatistic Wilcoxon signed-rank W+ (sum of the ranks of positive differences)
 * @param wilcoxonPValue two-sided p-value of the Wilcoxon signed-rank test
 */
public record PairedComparison(int n, double meanA, double meanB, double meanDifference,
        double tStatistic, double tPValue, double wilcoxonStatistic, double wilcoxonPValue) {
}
