package org.hdbn.run;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.hdbn.data.ContextHistory;
import org.hdbn.data.Interactions;
import org.hdbn.gate.Gate;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecException;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.run.data.CategoryColumn;
import org.hdbn.run.data.Dataset;
import org.hdbn.train.BatchColumns;

/**
 * Binds a {@link Dataset} to a model spec: the dimensions a spec may name ({@link Dataset#dims()}),
 * the item tables, and the resources — the training events per (user, item) as
 * {@value #HISTORY}, each user category {@code C} as the {@code int[]} resource {@code users_by_C}
 * (EmoMusicLJ's published groups, category {@code group}, also as {@value #PAPER_GROUPS}), and the
 * spec's fitted resources under their names (e.g. {@code user_group}). Every graph of a run is
 * built here.
 */
public final class DataBinding {

    /** The index inputs a spec's graph reads: the user, the context (named {@code emotion}) and the item. */
    public static final BatchColumns COLUMNS = new BatchColumns("user", "emotion", "item");

    /** The resource holding every training event per (user, item), for score terms that read it. */
    public static final String HISTORY = "train_history";

    /** The user category {@code group} under the name the {@code fixed} gate reads by default. */
    public static final String PAPER_GROUPS = "paper_groups";

    private final Dataset data;
    private ContextHistory history;

    public DataBinding(Dataset data) {
        this.data = data;
    }

    public Dataset data() {
        return data;
    }

    public Map<String, Integer> dims() {
        return data.dims();
    }

    /** A context for building a graph (or fitting a resource) with this data and the fitted resources. */
    public BuildContext context(ParameterStore store, long seed, Map<String, Gate> fitted) {
        Map<String, Object> resources = new HashMap<>();
        for (Map.Entry<String, CategoryColumn> c : data.userCategories().entrySet()) {
            resources.put("users_by_" + c.getKey(), c.getValue().codes());
        }
        CategoryColumn group = data.userCategories().get("group");
        if (group != null) {
            resources.put(PAPER_GROUPS, group.codes());
        }
        if (history == null) {
            history = ContextHistory.of(data.train());
        }
        resources.put(HISTORY, history);
        for (Map.Entry<String, Gate> f : fitted.entrySet()) {
            if (resources.containsKey(f.getKey())) {
                throw new SpecException("resource '" + f.getKey() + "': the name of a resource the data provides; "
                        + "give it another name (the data provides " + new TreeSet<>(resources.keySet()) + ")");
            }
            resources.put(f.getKey(), f.getValue());
        }
        return new BuildContext(store, seed, dims(), data.itemTables(), resources);
    }

    /** Builds a spec's graph on this data, its parameters created in {@code store}. */
    public ModelGraph build(GraphSpec graph, ParameterStore store, long seed, Map<String, Gate> fitted) {
        return ModelGraph.build(graph, context(store, seed, fitted), KlRegistry.withInstalled());
    }

    /** Resolves a size that may name one of the data's dimensions. */
    public int resolve(Dim dim) {
        return dim.resolve(context(new ParameterStore(), 0, Map.of()));
    }

    /** Training triples as BPR positives. */
    public Interactions train() {
        return data.train();
    }
}
