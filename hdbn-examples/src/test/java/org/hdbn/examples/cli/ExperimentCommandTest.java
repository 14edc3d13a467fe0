package org.hdbn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hdbn.eval.Metric;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.eval.Recommendations;
import org.hdbn.eval.RecommendationsCsv;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.experiment.Experiment;
import org.hdbn.examples.experiment.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hdbn experiment} end to end on a small generated data set, every variant, two seeds, one
 * epoch: every output file is there, each variant's export reproduces its reported metrics, and
 * results.md has its tables.
 */
class ExperimentCommandTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path out;
    static CommandLineTest.Run run;
    static JsonNode results;

    @BeforeAll
    static void runOnce() throws Exception {
        data = dir.resolve("data");
        out = dir.resolve("out");
        CommandLineTest.Run g = CommandLineTest.run("generate", "--format", "emomusic", "--out", data.toString(), "--users", "120", "--songs",
                "50", "--seed", "5");
        assertThat(g.code()).as(g.err()).isZero();
        run = CommandLineTest.run("experiment", "--data", data.toString(), "--out", out.toString(), "--seeds", "2",
                "--epochs", "1", "--mc-samples", "1,2", "--group-sweep", "1,3");
        assertThat(run.code()).as(run.err()).isZero();
        results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void writesEveryOutputFile() {
        assertThat(out.resolve("results.json")).isRegularFile();
        assertThat(out.resolve("results.md")).isRegularFile();
        for (String v : Variants.DEFAULT) {
            assertThat(Experiment.variantDir(out, v).resolve(Experiment.RECOMMENDATIONS)).isRegularFile();
        }
        for (String v : List.of("hdbn", "hdbn-paper", "hdbn-fixed-emotion", "hdbn-global-bnn", "hdbn-deterministic", "hdbn-released",
                "bprmf", "two-tower")) {
            assertThat(out.resolve("plots/training-" + v + ".png")).isRegularFile();
        }
        assertThat(out.resolve("plots/metrics-strict.png")).isRegularFile();
        assertThat(out.resolve("plots/metrics-paper.png")).isRegularFile();
        assertThat(out.resolve("plots/metrics-full.png")).isRegularFile();
        assertThat(run.out()).contains("[1/" + Variants.DEFAULT.size() + "] hdbn, seed 1: fitting").contains("group sweep k=3");
    }

    @Test
    void eachExportReproducesItsVariantsFirstSeedMetrics() throws Exception {
        EmoMusicDataset dataset = EmoMusicLoader.load(data);
        Set<Long> seenPairs = new HashSet<>();
        for (int r = 0; r < dataset.train().size(); r++) {
            seenPairs.add(((long) dataset.train().users()[r] << 32) | dataset.train().items()[r]);
        }
        List<Metric> metrics = RankingEvaluator.withDefaults().metrics();
        assertThat(results.get("variants")).hasSize(Variants.DEFAULT.size());
        for (JsonNode variant : results.get("variants")) {
            String name = variant.get("name").asText();
            assertThat(variant.get("runs")).as(name).hasSize(2);
            Recommendations recs = RecommendationsCsv.read(Experiment.variantDir(out, name)
                    .resolve(Experiment.RECOMMENDATIONS), EvaluateCommand.EXPORT_HEADER);
            assertThat(recs.triples()).isEqualTo(dataset.validation());
            JsonNode reported = variant.get("runs").get(0).get("metrics");
            for (String protocol : List.of("paper", "strict", "full")) {
                // recomputed from the export alone: the target's position in the list, or outside it
                List<Integer> ranks = new ArrayList<>();
                int[][] lists = protocol.equals("full") ? recs.fullLists() : recs.lists();
                for (int r = 0; r < lists.length; r++) {
                    int user = recs.triples().users()[r];
                    int target = recs.triples().items()[r];
                    boolean seen = seenPairs.contains(((long) user << 32) | target);
                    if (protocol.equals("strict") && seen) {
                        continue;
                    }
                    int pos = indexOf(lists[r], target);
                    ranks.add(pos < 0 ? Integer.MAX_VALUE : pos + 1);
                }
                assertThat(reported.get("triples").get(protocol).asInt()).isEqualTo(ranks.size());
                for (Metric m : metrics) {
                    double mean = ranks.stream().mapToDouble(m::value).average().orElse(0);
                    assertThat(reported.get(protocol).get(m.name()).asDouble()).as("%s %s %s", name, protocol, m)
                            .isCloseTo(mean, within(1e-12));
                }
            }
        }
    }

    @Test
    void resultsMarkdownHasATablePerProtocolAndTheTestsAndSweeps() throws Exception {
        String md = Files.readString(out.resolve("results.md"));
        for (String section : List.of("## strict protocol", "## full protocol", "## paper protocol",
                "## Paired significance: hdbn against every other row", "## Monte Carlo inference (hdbn)",
                "## Number of user groups (hdbn)")) {
            assertThat(md).contains(section);
        }
        String strict = md.substring(md.indexOf("## strict protocol"), md.indexOf("## full protocol"));
        List<String> rows = strict.lines().filter(l -> l.startsWith("| ")).toList();
        // header plus one row per variant, each with the variant and 13 metric cells
        assertThat(rows).hasSize(1 + Variants.DEFAULT.size());
        assertThat(rows.get(0)).isEqualTo("| variant | HR@5 | P@5 | NDCG@5 | HR@10 | P@10 | NDCG@10 | HR@15 | P@15 "
                + "| NDCG@15 | HR@20 | P@20 | NDCG@20 | MRR@20 |");
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).split("\\|", -1)).hasSize(16);
            assertThat(rows.get(i)).contains(" ± ");
        }
        assertThat(rows.get(1)).startsWith("| **hdbn** |");
        String sig = md.substring(md.indexOf("## Paired significance"), md.indexOf("## Emotion diagnostics"));
        assertThat(sig.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(Variants.DEFAULT.size());
        assertThat(md).contains("| 1 | ").contains("| 2 | ").contains("| 3 | ");
        assertThat(results.get("mcSamples")).hasSize(2);
        assertThat(results.get("groupSweep")).hasSize(2);
        assertThat(results.get("significance").get("against").get("ease").get("strict").get("tPValue").asDouble())
                .isBetween(0.0, 1.0);
    }

    @Test
    void emotionDiagnosticsAreCarriedIntoBothResultFiles() throws Exception {
        String md = Files.readString(out.resolve("results.md"));
        String section = md.substring(md.indexOf("## Emotion diagnostics"), md.indexOf("## Monte Carlo"));
        assertThat(section).contains("**Emotion gain**").contains("**Sensitivity**").contains("**Latent health**")
                .contains("| hdbn | posterior_led (latent, 16 dims)").contains("| hdbn | mood_preference (categorical");
        // one gain row per variant: the baselines that ignore the emotion gain exactly nothing
        assertThat(section).contains("| most-popular | +0.00000 | 1.0000 | 1.0000 | +0.00000 | 1.0000 | 1.0000 | "
                + "+0.00000 | 1.0000 | 1.0000 |");
        assertThat(results.get("emotionGain").get("variants").get("hdbn").get("full").get("n").asInt())
                .isEqualTo(results.get("triples").get("full").asInt());
        JsonNode d = results.get("variants").get(0).get("runs").get(1).get("diagnostics");
        assertThat(d.get("latents").get(1).get("node").asText()).isEqualTo("posterior_led");
        assertThat(d.get("sensitivity").get("triples").asInt()).isPositive();
    }

    @Test
    void seedIndependentBaselinesHaveNoSpreadAndTrainedVariantsRecordTheirCurves() {
        for (JsonNode variant : results.get("variants")) {
            String name = variant.get("name").asText();
            JsonNode losses = variant.get("runs").get(0).get("epochLosses");
            if (List.of("ease", "ease-plays", "ease-emotion-plays", "emotion-popularity", "most-popular").contains(name)) {
                assertThat(variant.get("std").get("strict").get("NDCG@10").asDouble()).as(name).isZero();
                assertThat(losses).isEmpty();
            } else {
                // hdbn-released runs 5 pretraining epochs before the one joint epoch asked for
                assertThat(losses).as(name).hasSize(name.equals("hdbn-released") ? 6 : 1);
            }
        }
        for (JsonNode variant : results.get("variants")) {
            String name = variant.get("name").asText();
            if (name.equals("ease")) {
                assertThat(variant.get("note").asText()).contains("lambda=").contains("chosen by strict NDCG@10");
            }
            if (name.equals("ease-emotion-plays")) {
                assertThat(variant.get("note").asText()).contains("lambda=").contains("alpha=").contains("beta=")
                        .contains("chosen by full NDCG@10");
            }
        }
    }

    @Test
    void refusesAnUnknownVariantAndAReferenceThatIsNotARow() {
        CommandLineTest.Run bad = CommandLineTest.run("experiment", "--data", data.toString(), "--out",
                dir.resolve("bad").toString(), "--variants", "hdbn,no-such-model");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("variant 'no-such-model' is neither a baseline");
        CommandLineTest.Run noRef = CommandLineTest.run("experiment", "--data", data.toString(), "--out",
                dir.resolve("bad").toString(), "--variants", "ease,most-popular", "--reference", "hdbn");
        assertThat(noRef.err()).contains("the reference variant 'hdbn' is not among");
    }

    @Test
    void withoutHdbnTheFirstRowIsTheReference() throws Exception {
        Path small = dir.resolve("baselines");
        CommandLineTest.Run r = CommandLineTest.run("experiment", "--data", data.toString(), "--out", small.toString(),
                "--variants", "most-popular,emotion-popularity", "--mc-samples", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(small.resolve("results.md")))
                .contains("## Paired significance: most-popular against every other row");
    }

    private static int indexOf(int[] list, int item) {
        for (int k = 0; k < list.length; k++) {
            if (list[k] == item) {
                return k;
            }
        }
        return -1;
    }
}
