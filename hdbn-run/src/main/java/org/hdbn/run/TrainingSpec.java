package org.hdbn.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hdbn.graph.SpecException;
import org.hdbn.optim.OptimizerSpec;
import org.hdbn.train.DataParallel;
import org.hdbn.train.NegativeSamplingSpec;
import org.hdbn.variational.elbo.Elbo;
import org.hdbn.variational.elbo.KlWeightSchedule;

/**
 * How a model is trained: BPR batches with negatives resampled each epoch, an optimizer (Adam
 * unless {@code optimizer} names another) at a staircase-decayed rate, global-norm clipping, and
 * one or more stages.
 *
 * @param batchSize      positives per batch
 * @param negatives      negatives per positive
 * @param learningRate   the optimizer's initial rate
 * @param decayRate      multiplied in every {@code decaySteps} steps
 * @param decaySteps     steps between decays
 * @param clipNorm       global gradient norm limit (0 or absent: none)
 * @param groupBatches   draw each batch from one user group (as the paper), else mixed
 * @param klSchedule     a multiplier on every KL term by step (KL annealing); absent: 1
 * @param stages         the training stages, run in order
 * @param shards         passes each step's batch is cut into, reduced in a fixed order: the trained
 *                       parameters depend on it but not on the thread count (absent:
 *                       {@link DataParallel#DEFAULT_SHARDS}); more shards let more cores work on a step
 * @param negativeSampling  how negatives are drawn; absent: from the songs the user has not played
 *                       ({@code {"type": "unseen"}})
 * @param optimizer      the optimizer, e.g. {@code {"type": "sgd", "momentum": 0.9}}; absent: Adam with
 *                       beta1 0.9, beta2 0.999, epsilon 1e-8 ({@link OptimizerSpec#defaults()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSpec(int batchSize, int negatives, double learningRate, double decayRate, int decaySteps,
        Double clipNorm, Boolean groupBatches, KlWeightSchedule klSchedule, List<StageSpec> stages, Integer shards,
        NegativeSamplingSpec negativeSampling, OptimizerSpec optimizer) {

    public TrainingSpec {
        if (batchSize <= 0 || negatives <= 0 || !(learningRate > 0) || !(decayRate > 0) || decaySteps <= 0) {
            throw new SpecException("training: batchSize, negatives, learningRate, decayRate and decaySteps must be positive");
        }
        if (stages == null || stages.isEmpty()) {
            throw new SpecException("training: at least one stage is needed");
        }
        stages = List.copyOf(stages);
        groupBatches = groupBatches != null && groupBatches;
        if (shards != null && shards < 1) {
            throw new SpecException("training: shards must be at least 1, got " + shards);
        }
    }

    /** A spec with the default shard count (the field absent). */
    public TrainingSpec(int batchSize, int negatives, double learningRate, double decayRate, int decaySteps,
            Double clipNorm, Boolean groupBatches, KlWeightSchedule klSchedule, List<StageSpec> stages) {
        this(batchSize, negatives, learningRate, decayRate, decaySteps, clipNorm, groupBatches, klSchedule, stages, null);
    }

    /** A spec drawing negatives from the songs the user has not played. */
    public TrainingSpec(int batchSize, int negatives, double learningRate, double decayRate, int decaySteps,
            Double clipNorm, Boolean groupBatches, KlWeightSchedule klSchedule, List<StageSpec> stages, Integer shards) {
        this(batchSize, negatives, learningRate, decayRate, decaySteps, clipNorm, groupBatches, klSchedule, stages, shards,
                null);
    }

    /** A spec with the default optimizer (the field absent). */
    public TrainingSpec(int batchSize, int negatives, double learningRate, double decayRate, int decaySteps,
            Double clipNorm, Boolean groupBatches, KlWeightSchedule klSchedule, List<StageSpec> stages, Integer shards,
            NegativeSamplingSpec negativeSampling) {
        this(batchSize, negatives, learningRate, decayRate, decaySteps, clipNorm, groupBatches, klSchedule, stages, shards,
                negativeSampling, null);
    }

    /** The optimizer the spec names, or the default Adam. */
    public OptimizerSpec optimizerSpec() {
        return optimizer == null ? OptimizerSpec.defaults() : optimizer;
    }

    /** How negatives are drawn (the unseen-songs sampler when the spec names none). */
    public NegativeSamplingSpec sampling() {
        return negativeSampling == null ? new NegativeSamplingSpec.Unseen() : negativeSampling;
    }

    /** Passes per step: the spec's {@code shards}, or {@link DataParallel#DEFAULT_SHARDS}. */
    public int shardCount() {
        return shards == null ? DataParallel.DEFAULT_SHARDS : shards;
    }

    /** A copy cut into the given number of shards per step (the command line's --shards). */
    public TrainingSpec withShards(int count) {
        return new TrainingSpec(batchSize, negatives, learningRate, decayRate, decaySteps, clipNorm, groupBatches,
                klSchedule, stages, count, negativeSampling, optimizer);
    }

    /** Total epochs over all stages. */
    public int totalEpochs() {
        return stages.stream().mapToInt(StageSpec::epochs).sum();
    }

    /** A copy whose last stage runs the given number of epochs (the command line's --epochs). */
    public TrainingSpec withFinalEpochs(int epochs) {
        List<StageSpec> copy = new java.util.ArrayList<>(stages);
        StageSpec last = copy.get(copy.size() - 1);
        copy.set(copy.size() - 1, new StageSpec(last.name(), epochs, last.losses(), last.freeze()));
        return new TrainingSpec(batchSize, negatives, learningRate, decayRate, decaySteps, clipNorm, groupBatches,
                klSchedule, copy, shards, negativeSampling, optimizer);
    }

    /** The objective: the ELBO with the spec's KL schedule (constant 1 when absent). */
    public Elbo objective() {
        return new Elbo(klSchedule);
    }
}
