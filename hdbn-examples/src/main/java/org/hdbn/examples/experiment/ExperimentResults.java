package org.hdbn.examples.experiment;

import java.util.List;
import java.util.Map;
import org.hdbn.eval.Metric;
import org.hdbn.eval.PairedComparison;
import org.hdbn.eval.Protocol;

/**
 * Everything an experiment measured.
 *
 * @param data          the data set's name
 * @param eval          the evaluation triples' source
 * @param triples       evaluation triples counted, per protocol
 * @param seeds         the training seeds
 * @param epochs        the epochs override, or null for each spec's own
 * @param metrics       the metrics, in table order
 * @param variants      one row per variant, in the order asked
 * @param reference     the row the others are tested against (hdbn)
 * @param significance  per other row, the paired tests of per-triple {@value #TEST_METRIC} per protocol
 * @param emotionGain   per row with emotion diagnostics, true against shuffled emotions (per-triple
 *                      {@value #TEST_METRIC} averaged over seeds) per protocol; empty without diagnostics
 * @param mcSamples     the reference model evaluated with S Monte Carlo samples (empty if not asked)
 * @param groupSweep    the reference model trained with k user groups (empty if not asked)
 * @param seconds       wall-clock time of the whole experiment
 */
public record ExperimentResults(String data, String eval, Map<Protocol, Integer> triples, List<Long> seeds,
        Integer epochs, List<Metric> metrics, List<VariantResult> variants, String reference,
        Map<String, Map<Protocol, PairedComparison>> significance,
        Map<String, Map<Protocol, PairedComparison>> emotionGain, List<SweepPoint> mcSamples,
        List<SweepPoint> groupSweep, double seconds) {

    /** The metric the paired tests compare. */
    public static final String TEST_METRIC = "NDCG@10";

    /** The order protocols are reported in: the comparable ones first, the leaking one last. */
    public static final List<Protocol> PROTOCOLS = List.of(Protocol.STRICT, Protocol.FULL, Protocol.PAPER);
}
