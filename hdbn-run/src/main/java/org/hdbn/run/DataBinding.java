package org.hdbn.run;

import java.util.HashMap;
import java.util.Map;
import org.hdbn.data.ContextHistory;
import org.hdbn.data.Interactions;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.gate.EntityFeatures;
import org.hdbn.gate.Gate;
import org.hdbn.gate.ItemCategoryHistogram;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.param.ParameterStore;
import org.hdbn.tensor.Tensor;
import org.hdbn.train.BatchColumns;

/**
 * Binds an EmoMusicLJ data set to a model spec: the dimensions a spec may name ({@code users},
 * {@code songs}, {@code tags}, {@code genres}, {@code moods}, {@code groups} — the number of groups
 * the paper used on this data set — and {@code train}, the number of training triples), the {@code song_mood} table, the paper's groups as the
 * {@code paper_groups} resource, the training events per (user, song) as the {@code train_history}
 * resource, the users' genre histograms a gate is fitted on, and the fitted gate as the
 * {@code user_group} resource.
 */
public final class DataBinding {

    /** The index inputs a spec's graph reads. */
    public static final BatchColumns COLUMNS = new BatchColumns("user", "emotion", "item");
    public static final String GATE = "user_group";

    /** The resource holding every training event per (user, song), for score terms that read it. */
    public static final String HISTORY = "train_history";

    private final EmoMusicDataset data;
    private ContextHistory history;

    public DataBinding(EmoMusicDataset data) {
        this.data = data;
    }

    public EmoMusicDataset data() {
        return data;
    }

    public Map<String, Integer> dims() {
        return Map.of("users", data.numUsers(), "songs", data.numSongs(), "tags", data.numTags(),
                "genres", data.numGenres(), "moods", data.songMood(0).length, "groups", Math.max(1, data.numGroups()),
                "train", data.train().size());
    }

    /** Each user's normalised genre histogram over their training songs. */
    public EntityFeatures userFeatures() {
        return new ItemCategoryHistogram(data.genres(), data.numGenres()).build(data.train(), data.numUsers());
    }

    /** A context for building a graph (or a gate) with this data; {@code gate} may be null. */
    public BuildContext context(ParameterStore store, long seed, Gate gate) {
        Map<String, Object> resources = new HashMap<>();
        resources.put("paper_groups", data.userGroups());
        if (history == null) {
            history = ContextHistory.of(data.train());
        }
        resources.put(HISTORY, history);
        if (gate != null) {
            resources.put(GATE, gate);
        }
        return new BuildContext(store, seed, dims(), Map.of("song_mood", Tensor.matrix(data.songMood())), resources);
    }

    /** Resolves a size that may name one of the data's dimensions. */
    public int resolve(Dim dim) {
        return dim.resolve(context(new ParameterStore(), 0, null));
    }

    /** Training triples as BPR positives. */
    public Interactions train() {
        return data.train();
    }
}
