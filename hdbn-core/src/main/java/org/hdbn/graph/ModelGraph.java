package org.hdbn.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hdbn.autodiff.Graph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.KlRegistry;
import org.hdbn.text.NearestNames;

/**
 * A built model: named nodes wired by name, run in dependency order. A pass computes just the
 * nodes the requested targets need, so the same graph trains (the loss nodes) and scores (a
 * query tower) without change.
 */
public final class ModelGraph {

    private final GraphSpec spec;
    private final Map<String, Node> nodes;
    private final Map<String, List<String>> reads;
    private final KlRegistry kl;

    private ModelGraph(GraphSpec spec, Map<String, Node> nodes, Map<String, List<String>> reads, KlRegistry kl) {
        this.spec = spec;
        this.nodes = nodes;
        this.reads = reads;
        this.kl = kl;
    }

    /**
     * Validates the wiring (every name read is a node or an input; no cycles) and builds the nodes
     * in dependency order, creating their parameters in the context's store.
     */
    public static ModelGraph build(GraphSpec spec, BuildContext ctx, KlRegistry kl) {
        Map<String, List<String>> reads = wiring(spec);
        for (Map.Entry<String, InputKind> in : spec.inputs().entrySet()) {
            Integer width = spec.featureWidths().get(in.getKey());
            ctx.declareInput(in.getKey(), in.getValue(), width == null ? 0 : width);
        }
        Map<String, Node> built = new LinkedHashMap<>();
        for (String name : order(reads, reads.keySet())) {
            ctx.enter(name);
            Node node = spec.nodes().get(name).build(ctx);
            ctx.built(name, node.outputDim());
            built.put(name, node);
        }
        ctx.enter("");
        return new ModelGraph(spec, built, reads, kl);
    }

    /**
     * Checks the wiring without building anything: the format version, that every name a node
     * reads is a node or an input (naming the nearest ones when not), feature widths, and that
     * there is no cycle. Cheap: run it before loading data or fitting gates.
     */
    public static void checkWiring(GraphSpec spec) {
        order(wiring(spec), spec.nodes().keySet());
    }

    private static Map<String, List<String>> wiring(GraphSpec spec) {
        if (spec.formatVersion() != GraphSpec.FORMAT_VERSION) {
            throw new SpecException("spec format version " + spec.formatVersion() + " is not supported (this release reads "
                    + GraphSpec.FORMAT_VERSION + ")");
        }
        if (spec.nodes().isEmpty()) {
            throw new SpecException("the spec has no nodes");
        }
        for (Map.Entry<String, InputKind> in : spec.inputs().entrySet()) {
            if (spec.nodes().containsKey(in.getKey())) {
                throw new SpecException("'" + in.getKey() + "' is both an input and a node");
            }
            Integer width = spec.featureWidths().get(in.getKey());
            if (in.getValue() == InputKind.FEATURES && (width == null || width <= 0)) {
                throw new SpecException("feature input '" + in.getKey() + "' needs a positive width in featureWidths");
            }
        }
        Set<String> names = new LinkedHashSet<>(spec.nodes().keySet());
        names.addAll(spec.inputs().keySet());
        Map<String, List<String>> reads = new LinkedHashMap<>();
        for (Map.Entry<String, NodeSpec> e : spec.nodes().entrySet()) {
            if (e.getValue() == null) {
                throw new SpecException("node '" + e.getKey() + "' has no spec");
            }
            List<String> ins = e.getValue().inputs();
            for (String in : ins) {
                if (!names.contains(in)) {
                    throw new SpecException("node '" + e.getKey() + "' reads '" + in + "', which is neither a node nor an "
                            + "input" + NearestNames.didYouMean(in, names) + "; nodes: " + spec.nodes().keySet()
                            + ", inputs: " + spec.inputs().keySet());
                }
            }
            reads.put(e.getKey(), List.copyOf(ins));
        }
        return reads;
    }

    /** Runs the nodes the targets need (all nodes when targets is empty). */
    public ForwardResult forward(Graph g, Batch batch, ForwardMode mode, Collection<String> targets) {
        return forward(g, batch, mode, targets, BatchShard.whole(batch));
    }

    /**
     * Runs the nodes the targets need on one shard of a step's batch: {@code batch} holds the
     * shard's rows, {@code shard} says which part of the whole batch they are.
     */
    public ForwardResult forward(Graph g, Batch batch, ForwardMode mode, Collection<String> targets,
            BatchShard shard) {
        for (String t : targets) {
            if (!nodes.containsKey(t)) {
                throw new SpecException("no node named '" + t + "'" + NearestNames.didYouMean(t, nodes.keySet())
                        + "; nodes: " + nodes.keySet());
            }
        }
        ForwardContext ctx = new ForwardContext(g, batch, mode, kl, shard);
        for (String name : order(reads, targets.isEmpty() ? nodes.keySet() : targets)) {
            ctx.enter(name);
            ctx.put(name, nodes.get(name).forward(ctx));
        }
        return new ForwardResult(Map.copyOf(ctx.outputs()), List.copyOf(ctx.losses()));
    }

    /**
     * Runs the nodes the targets need (all when targets is empty) and returns, for each
     * {@link LatentNode} among them, its posterior and prior in this pass, in dependency order.
     */
    public Map<String, LatentPair> latents(Graph g, Batch batch, ForwardMode mode, Collection<String> targets) {
        List<String> latentNodes = needs(targets).stream().filter(n -> nodes.get(n) instanceof LatentNode).toList();
        Map<String, LatentPair> out = new LinkedHashMap<>();
        if (latentNodes.isEmpty()) {
            return out;
        }
        ForwardContext ctx = new ForwardContext(g, batch, mode, kl, BatchShard.whole(batch));
        for (String name : order(reads, latentNodes)) {
            ctx.enter(name);
            ctx.put(name, nodes.get(name).forward(ctx));
        }
        for (String name : latentNodes) {
            ctx.enter(name);
            Distribution q = ctx.distribution(name);
            out.put(name, new LatentPair(q, ((LatentNode) nodes.get(name)).prior(ctx, q)));
        }
        return out;
    }

    /** The nodes the targets need, each after the nodes it reads (the targets included; all nodes when targets is empty). */
    public List<String> needs(Collection<String> targets) {
        for (String t : targets) {
            node(t);
        }
        return order(reads, targets.isEmpty() ? nodes.keySet() : targets);
    }

    /**
     * The nodes among those the targets need whose output rows are probability distributions
     * ({@link Node#outputsDistribution()}), in dependency order: e.g. HDBN's mood preference.
     */
    public List<String> distributionNodes(Collection<String> targets) {
        return needs(targets).stream().filter(n -> nodes.get(n).outputsDistribution()).toList();
    }

    public GraphSpec spec() {
        return spec;
    }

    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new SpecException("no node named '" + name + "'" + NearestNames.didYouMean(name, nodes.keySet())
                    + "; nodes: " + nodes.keySet());
        }
        return n;
    }

    public Set<String> nodeNames() {
        return nodes.keySet();
    }

    /**
     * The nodes needed for the targets, each after the nodes it reads (depth-first, iterative so a
     * long chain costs no stack). Inputs of the graph are not nodes and are skipped.
     */
    private static List<String> order(Map<String, List<String>> reads, Collection<String> targets) {
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String target : targets) {
            Deque<String[]> stack = new ArrayDeque<>();
            stack.push(new String[] {target, "enter"});
            while (!stack.isEmpty()) {
                String[] top = stack.pop();
                String name = top[0];
                if (!reads.containsKey(name) || (done.contains(name) && top[1].equals("enter"))) {
                    continue;
                }
                if (top[1].equals("exit")) {
                    onPath.remove(name);
                    if (done.add(name)) {
                        out.add(name);
                    }
                    continue;
                }
                if (!onPath.add(name)) {
                    throw new SpecException("the graph has a cycle through node '" + name + "'");
                }
                stack.push(new String[] {name, "exit"});
                List<String> ins = reads.get(name);
                for (int i = ins.size() - 1; i >= 0; i--) {
                    String in = ins.get(i);
                    if (onPath.contains(in)) {
                        throw new SpecException("the graph has a cycle: '" + name + "' reads '" + in + "'");
                    }
                    stack.push(new String[] {in, "enter"});
                }
            }
        }
        return out;
    }
}
