package org.hdbn.djl;

import ai.djl.engine.Engine;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;

/**
 * The op set of {@link Graph} run by PyTorch through Deep Java Library (DJL), in double precision
 * on the CPU: a peer of the pure-Java tape engine, selected by the name {@value #NAME}.
 *
 * <p>The PyTorch native libraries come from the {@code pytorch-native-cpu} and {@code pytorch-jni}
 * jars on the class path; DJL extracts them into its cache directory on first use. Nothing is
 * downloaded: unless the system property {@value #OFFLINE} is already set, the engine sets it to
 * {@code true} before loading PyTorch, so a missing native jar fails loudly instead of fetching.
 *
 * <p>PyTorch runs one intra-op thread unless the system property {@value #THREADS} says otherwise
 * (see {@link #pytorch()} for why).
 *
 * <p>DJL's PyTorch gradient collector is process-wide, so at most one training scope
 * ({@link #open()}) may be open at a time in a JVM; inference scopes have no such limit.
 */
public final class DjlEngine implements AutodiffEngine {

    public static final String NAME = "djl";
    /** DJL's system property that forbids downloads of native libraries and models. */
    public static final String OFFLINE = "ai.djl.offline";
    /** DJL's system property for PyTorch's intra-op thread count, read once when PyTorch loads. */
    public static final String THREADS = "ai.djl.pytorch.num_threads";
    static final String PYTORCH = "PyTorch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Graph open() {
        return new DjlGraph(pytorch(), true);
    }

    @Override
    public Graph openInference() {
        return new DjlGraph(pytorch(), false);
    }

    /**
     * DJL's PyTorch engine, loaded on first use (the constructor has no side effects, as the SPI
     * demands). Two defaults are set here, each only when the property is unset, because DJL reads
     * them while loading the library: offline mode, and one intra-op thread. The kernels of this
     * framework are small (a batch of 512 through 64-wide layers), where a second OpenMP thread
     * costs more than it gains; on a 2-core machine it also, in some runs, stalled every pass about
     * 30-fold (25 ms instead of 0.8 ms for the dense kernel of hdbn-examples'
     * {@code EngineComparison}), while one thread measured 0.55 ms in every run.
     */
    static Engine pytorch() {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        try {
            return Engine.getEngine(PYTORCH);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the '" + NAME + "' engine could not load PyTorch (" + OFFLINE + "="
                    + System.getProperty(OFFLINE) + "); it needs ai.djl.pytorch:pytorch-jni and "
                    + "ai.djl.pytorch:pytorch-native-cpu (classifier linux-x86_64) on the class path: "
                    + e.getMessage(), e);
        }
    }
}
