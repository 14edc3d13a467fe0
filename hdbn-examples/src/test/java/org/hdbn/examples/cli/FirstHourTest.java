package org.hdbn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets in the first hour, end to end through the command line on generated data:
 * each refusal names what is wrong and what to do, extensions load with --plugin or
 * HDBN_CLASSPATH, specs extend one another, and trained models are compared without retraining.
 */
class FirstHourTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return runWith(null, args);
    }

    static Run runWith(String pluginClasspath, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HdbnCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), pluginClasspath);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    static Path dir;

    static Path data;
    static Path model;
    static Run trained;

    @BeforeAll
    static void trainOnce() {
        data = dir.resolve("sets").resolve("small");
        model = dir.resolve("model");
        Run g = run("generate", "--format", "emomusic", "--out", data.toString(), "--users", "200", "--songs", "80", "--seed", "5");
        assertThat(g.code()).as(g.err()).isZero();
        trained = run("train", "--data", data.toString(), "--model", model.toString(), "--spec", "bprmf", "--epochs", "2");
        assertThat(trained.code()).as(trained.err()).isZero();
    }

    @Test
    void trainRefusesToReplaceAModelWithoutForce() {
        Run again = run("train", "--data", data.toString(), "--model", model.toString(), "--spec", "bprmf", "--epochs", "1");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains(model + ": already exists; --force replaces it");
        Path other = dir.resolve("forced");
        assertThat(run("train", "--data", data.toString(), "--model", other.toString(), "--spec", "bprmf", "--epochs", "1")
                .code()).isZero();
        Run forced = run("train", "--data", data.toString(), "--model", other.toString(), "--spec", "bprmf", "--epochs",
                "1", "--force", "--seed", "9");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(run("evaluate", "--model", other.toString()).code()).isZero();
    }

    @Test
    void trainRefusesZeroEpochs() {
        Run r = run("train", "--data", data.toString(), "--model", dir.resolve("none").toString(), "--epochs", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--epochs must be at least 1");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    /** The epoch line's terms are what entered the loss: they add up to the loss printed. */
    @Test
    void theProgressLinePrintsTheWeightedTermsThatMakeTheLoss() {
        Matcher line = Pattern.compile("epoch 2/2: loss ([0-9.]+) = weighted terms \\[(.*) \\]").matcher(trained.out());
        assertThat(line.find()).as(trained.out()).isTrue();
        double loss = Double.parseDouble(line.group(1));
        double sum = 0;
        for (String term : line.group(2).split(" \\+ ")) {
            String[] parts = term.strip().split(" ");
            assertThat(parts).as(term).hasSize(2);
            sum += Double.parseDouble(parts[1]);
        }
        assertThat(line.group(2)).contains("bpr/bpr").contains("l2/l2");
        assertThat(sum).isCloseTo(loss, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void dataThatIsAFileOrAFolderOfDataSetsIsNamed() throws Exception {
        Run file = run("train", "--data", data.resolve("UI_indexes_train.csv").toString(), "--model",
                dir.resolve("x").toString());
        assertThat(file.err()).contains("UI_indexes_train.csv: is a file; give the data set's folder");
        Path second = dir.resolve("sets").resolve("other");
        copyTree(data, second);
        Run parent = run("train", "--data", dir.resolve("sets").toString(), "--model", dir.resolve("x").toString());
        assertThat(parent.code()).isEqualTo(2);
        assertThat(parent.err()).contains("not a data set folder").contains("the data sets inside it are [other, small]");
    }

    @Test
    void tagsAreListedFromDataOrModel() {
        Run fromData = run("tags", "--data", data.toString());
        assertThat(fromData.code()).as(fromData.err()).isZero();
        assertThat(fromData.out()).containsPattern("\\d+ emotion tags of ").containsPattern("\\n\\s+0  \\S+");
        Run fromModel = run("tags", "--model", model.toString());
        assertThat(fromModel.out()).isEqualTo(fromData.out());
    }

    @Test
    void aMissingModelFolderIsSaidToBeMissing() {
        Run r = run("evaluate", "--model", dir.resolve("no-such-model").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-model: no such model folder");
    }

    @Test
    void aCopiedSpecThatKeepsABuiltInNameIsPointedAtItsNameField() throws Exception {
        Path copy = dir.resolve("my-bprmf.json");
        String builtIn = new String(FirstHourTest.class.getResourceAsStream("/org/hdbn/examples/specs/bprmf.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(copy, builtIn.replace("\"learningRate\": 0.01", "\"learningRate\": 0.02"));
        Run r = run("train", "--data", data.toString(), "--model", dir.resolve("copy").toString(), "--spec", copy.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("field name is 'bprmf', the name of a built-in spec")
                .contains("give it a name of its own");
        Files.writeString(copy, builtIn);
        assertThat(run("train", "--data", data.toString(), "--model", dir.resolve("copy").toString(), "--spec",
                copy.toString(), "--epochs", "1").code()).as("an unchanged copy is the built-in itself").isZero();
    }

    @Test
    void aSpecExtendsABuiltInWithOneField() throws Exception {
        Path variant = dir.resolve("bprmf-fast.json");
        Files.writeString(variant, "{\"extends\": \"bprmf\", \"name\": \"bprmf-fast\", \"training\": {\"learningRate\": 0.02},"
                + " \"graph\": {\"nodes\": {\"l2\": {\"weight\": 0.05}}}}");
        Path out = dir.resolve("fast");
        Run r = run("train", "--data", data.toString(), "--model", out.toString(), "--spec", variant.toString(), "--epochs", "1");
        assertThat(r.code()).as(r.err()).isZero();
        String saved = Files.readString(out.resolve("model.json")).replaceAll("\\s+", "");
        assertThat(saved).contains("\"name\":\"bprmf-fast\"").contains("\"learningRate\":0.02").contains("\"batchSize\":512")
                .contains("\"weight\":0.05").contains("\"song_embedding\"");
    }

    @Test
    void aMisspeltSectionOrTypeIsNamed() throws Exception {
        Path spec = dir.resolve("typo.json");
        Files.writeString(spec, "{\"extends\": \"bprmf\", \"name\": \"typo\", \"trainng\": {\"learningRate\": 0.02}}");
        Run section = run("train", "--data", data.toString(), "--model", dir.resolve("t").toString(), "--spec", spec.toString());
        assertThat(section.err()).contains("unknown field 'trainng' of ModelSpec (did you mean 'training'?)");
        Files.writeString(spec, "{\"extends\": \"bprmf\", \"name\": \"typo\", \"resources\": {\"user_group\": "
                + "{\"type\": \"kmean\", \"features\": \"user_genre_histogram\", \"k\": 3}}}");
        Run type = run("train", "--data", data.toString(), "--model", dir.resolve("t").toString(), "--spec", spec.toString());
        assertThat(type.err()).contains("unknown GateSpec type 'kmean' (did you mean 'kmeans'");
        Files.writeString(spec, "{\"extends\": \"bprmf\", \"name\": \"typo\", \"gate\": {\"type\": \"kmeans\", \"k\": 3}}");
        Run old = run("train", "--data", data.toString(), "--model", dir.resolve("t").toString(), "--spec", spec.toString());
        assertThat(old.err()).contains("field gate: a gate is now a named resource").contains("\"resources\"");
        Files.writeString(spec, "{\"extends\": \"bprmf\", \"name\": \"typo\", \"graph\": {\"nodes\": {\"query\": "
                + "{\"inputs\": [\"user_embeding\"]}}}}");
        Run node = run("train", "--data", data.toString(), "--model", dir.resolve("t").toString(), "--spec", spec.toString());
        assertThat(node.err()).contains("reads 'user_embeding'").contains("(did you mean 'user_embedding'?)")
                .doesNotContain("training '");
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void aFreezePrefixThatMatchesNoParameterIsRefused() throws Exception {
        Path spec = dir.resolve("freeze.json");
        Files.writeString(spec, "{\"extends\": \"bprmf\", \"name\": \"bprmf-frozen\", \"training\": {\"stages\": "
                + "[{\"name\": \"train\", \"epochs\": 1, \"freeze\": [\"usr_embedding\"]}]}}");
        Run r = run("train", "--data", data.toString(), "--model", dir.resolve("frozen").toString(), "--spec", spec.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("stage 'train': field freeze: 'usr_embedding' is the start of no parameter name "
                + "(did you mean 'user_embedding'?)");
    }

    /**
     * The template extension's spec extends the built-in hdbn by one field: without the extension
     * the merged spec fails exactly at that field's type, so the rest of it still fits hdbn.
     */
    @Test
    void theTemplateExtensionsSpecNeedsOnlyItsPlugin() {
        Path spec = Path.of("..", "extensions", "mixture-prior", "specs", "hdbn-mixture-prior.json");
        assertThat(spec).isRegularFile();
        Run r = run("train", "--data", data.toString(), "--model", dir.resolve("mix").toString(), "--spec", spec.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("(at graph.nodes.prior_led.prior): unknown LatentPriorSpec type 'gaussian_mixture'")
                .contains("--plugin JAR");
    }

    @Test
    void anUnknownTypeInASavedModelPointsAtTheMissingExtension() throws Exception {
        Path copy = dir.resolve("renamed-type");
        copyTree(model, copy);
        Path json = copy.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"concat\"", "\"my_concat\""));
        Run r = run("evaluate", "--model", copy.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("model.json (field spec)").contains("unknown NodeSpec type 'my_concat'")
                .contains("--plugin JAR, or HDBN_CLASSPATH").doesNotContain("UNKNOWN");
    }

    @Test
    void extensionsLoadWithPluginOrTheEnvironment() throws Exception {
        Path plugin = dir.resolve("plugin-classes");
        Files.createDirectories(plugin.resolve("META-INF/services"));
        Files.writeString(plugin.resolve("META-INF/services/org.hdbn.graph.SpecTypeProvider"),
                PluginTypesFixture.class.getName() + "\n");
        assertThat(run("types").out()).doesNotContain("plugin_fixture_gate");
        Run withPlugin = run("--plugin", plugin.toString(), "types", "gate");
        assertThat(withPlugin.code()).as(withPlugin.err()).isZero();
        assertThat(withPlugin.out()).contains("plugin_fixture_gate  gate: a test extension's gate")
                .containsPattern("groups\\s+Integer\\s+default 3");
        assertThat(runWith(plugin.toString(), "types", "fixture").out()).contains("plugin_fixture_gate");
        Run missing = run("--plugin", dir.resolve("nothing.jar").toString(), "types");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--plugin " + dir.resolve("nothing.jar") + ": no such file");
    }

    @Test
    void experimentComparesTrainedModelsWithoutRetraining() throws Exception {
        Path other = dir.resolve("model-seed2");
        assertThat(run("train", "--data", data.toString(), "--model", other.toString(), "--spec", "bprmf", "--epochs", "1",
                "--seed", "2").code()).isZero();
        Path out = dir.resolve("experiment");
        Run r = run("experiment", "--data", data.toString(), "--out", out.toString(), "--models",
                model + "," + other, "--mc-samples", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("epoch 1/").contains("model, seed 1").contains("model-seed2, seed 1");
        String results = Files.readString(out.resolve("results.md")).toLowerCase(Locale.ROOT);
        assertThat(results).contains("model-seed2").contains("loaded from");
        // the loaded model scores as the command that trained it reported
        Matcher trainedHr = Pattern.compile("HR@10\\s+[0-9.]+\\s+([0-9.]+)").matcher(trained.out());
        assertThat(trainedHr.find()).isTrue();
        assertThat(r.out()).contains("[1/2] model, seed 1: fitted").contains("strict HR@10 "
                + String.format(Locale.ROOT, "%.4f", Double.parseDouble(trainedHr.group(1))));
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
