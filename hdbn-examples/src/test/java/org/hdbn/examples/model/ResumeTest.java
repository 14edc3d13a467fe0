package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hdbn.examples.cli.HdbnCommand;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.run.CheckpointState;
import org.hdbn.run.Checkpoints;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.TrainingPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed mid-run (SIGKILL, at whatever point it is, a checkpoint save included)
 * and resumed ends with exactly the parameters of an uninterrupted run with the same seed.
 */
class ResumeTest {

    @TempDir
    static Path dir;

    static Path data;

    static String[] trainArgs(Path model, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--model",
                model.toString(), "--spec", "hdbn", "--epochs", "3", "--seed", "7"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static int run(StringWriter err, String... args) {
        return HdbnCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @BeforeAll
    static void generate() throws Exception {
        data = dir.resolve("data");
        Files.createDirectories(data);
        SyntheticEmoMusic.generate(SyntheticEmoMusic.Config.defaults().withSeed(5), data);
    }

    /** On {@code tape-f32} the checkpoints hold float-stored parameters and Adam's float moments. */
    @ParameterizedTest
    @ValueSource(strings = {"tape", "tape-f32"})
    void aKilledRunResumesToTheSameParametersAsAnUninterruptedOne(String engine) throws Exception {
        Path whole = dir.resolve("whole-" + engine);
        StringWriter err = new StringWriter();
        assertThat(run(err, trainArgs(whole, "--engine", engine))).as(err.toString()).isZero();

        Path resumed = dir.resolve("resumed-" + engine);
        Path ckpts = dir.resolve("resumed-" + engine + ".checkpoints");
        // without --add-modules jdk.incubator.vector the killed run computes softplus one entry at
        // a time, and this JVM (which has the module) a vector at a time: the parameters must be
        // the same bits all the same
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HdbnCommand.class.getName()));
        cmd.addAll(List.of(trainArgs(resumed, "--checkpoint-every", "2", "--engine", engine)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-" + engine + ".log").toFile())
                .start();
        // kill it as soon as it has saved a checkpoint past the first few steps
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Checkpoints c = new Checkpoints(ckpts, new org.hdbn.graph.SpecMapper());
        while (p.isAlive() && Instant.now().isBefore(deadline)
                && c.latest().map(l -> Long.parseLong(l.getFileName().toString().substring(5)) < 4).orElse(true)) {
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("the run was still going when killed (see killed-%s.log)", engine).isTrue();
        p.destroyForcibly().waitFor();
        assertThat(Files.exists(resumed.resolve(TrainedModel.MODEL_FILE))).isFalse();

        err = new StringWriter();
        assertThat(run(err, "train", "--resume", ckpts.toString())).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(resumed.resolve("params.bin")))
                .isEqualTo(Files.readAllBytes(whole.resolve("params.bin")));
        assertThat(Files.exists(ckpts)).as("checkpoints are removed once the model is saved").isFalse();
    }

    @Test
    void aHalfWrittenCheckpointIsIgnored() throws Exception {
        org.hdbn.graph.SpecMapper mapper = new org.hdbn.graph.SpecMapper();
        Checkpoints c = new Checkpoints(dir.resolve("half.checkpoints"), mapper);
        org.hdbn.param.ParameterStore store = new org.hdbn.param.ParameterStore();
        store.getOrCreate("w", new int[] {2}, org.hdbn.param.Initializer.constant(1.5),
                org.hdbn.random.RandomStreams.create(1));
        CheckpointState state = new CheckpointState(CheckpointState.FORMAT, CheckpointState.FORMAT_VERSION,
                ModelSpec.builtIn(mapper, "bprmf"), 7, "tape", null, data.toString(), "sha256:x",
                new TrainingPosition(0, 1, 3, 0, 3), List.of(), 1.0, java.util.Map.of());
        Path complete = c.save(state, store);
        // a run killed during a later save leaves a hidden temporary folder of a newer step beside it
        Path temp = c.root().resolve(".step-0000000099.tmp");
        Files.createDirectories(temp);
        Files.writeString(temp.resolve("state.json"), "{\"format\": \"hdbn-che");
        assertThat(c.latest()).contains(complete);
        assertThat(c.state(complete).position().steps()).isEqualTo(3);
        org.hdbn.param.ParameterStore loaded = new org.hdbn.param.ParameterStore();
        loaded.getOrCreate("w", new int[] {2}, org.hdbn.param.Initializer.zeros(), org.hdbn.random.RandomStreams.create(1));
        c.loadParameters(complete, loaded);
        assertThat(loaded.get("w").value().data()).containsExactly(1.5, 1.5);
    }

    @Test
    void aNonFiniteLossStopsTheRunNamingStepAndTermAndKeepsTheLastGoodState() throws Exception {
        Path spec = explodingSpec("exploding");
        Path model = dir.resolve("exploding");
        StringWriter err = new StringWriter();
        int code = run(err, "train", "--data", data.toString(), "--model", model.toString(), "--spec", spec.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).containsPattern("step \\d+: loss term 'bpr/bpr' is (NaN|Infinity)")
                .contains("the last good state is saved in").doesNotContain("at org.hdbn");
        Checkpoints c = new Checkpoints(dir.resolve("exploding.checkpoints"), new org.hdbn.graph.SpecMapper());
        assertThat(c.latest()).isPresent();
        assertThat(Files.exists(model.resolve(TrainedModel.MODEL_FILE))).isFalse();
    }

    /**
     * A run's checkpoint records its engine: resuming a {@code tape-f32} run continues in float
     * without being told, and refuses another engine (which would change the run's course silently).
     */
    @Test
    void aResumedRunKeepsItsEngine() throws Exception {
        Path spec = explodingSpec("exploding-f32");
        Path model = dir.resolve("exploding-f32");
        StringWriter err = new StringWriter();
        // it stops at a non-finite loss and keeps the last good state: a checkpoint to resume
        assertThat(run(err, "train", "--data", data.toString(), "--model", model.toString(), "--spec", spec.toString(),
                "--engine", "tape-f32")).as(err.toString()).isEqualTo(2);
        Path ckpts = dir.resolve("exploding-f32.checkpoints");
        assertThat(new Checkpoints(ckpts, new org.hdbn.graph.SpecMapper()).latest()).isPresent();

        StringWriter other = new StringWriter();
        assertThat(run(other, "train", "--resume", ckpts.toString(), "--engine", "tape")).isEqualTo(2);
        assertThat(other.toString()).contains("trained on engine 'tape-f32', not 'tape'");

        StringWriter out = new StringWriter();
        HdbnCommand.execute(new String[] {"train", "--resume", ckpts.toString()}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertThat(out.toString()).contains("on engine tape-f32");
    }

    /** bprmf with a learning rate of 1e200, whose loss turns non-finite in its first steps, written as {@code NAME.json}. */
    private Path explodingSpec(String name) throws Exception {
        Path spec = dir.resolve(name + ".json");
        String json = new String(getClass().getResourceAsStream("/org/hdbn/examples/specs/bprmf.json").readAllBytes())
                .replace("\"learningRate\": 0.01", "\"learningRate\": 1e200")
                .replace("\"name\": \"bprmf\"", "\"name\": \"bprmf-" + name + "\"");
        Files.writeString(spec, json);
        return spec;
    }
}
