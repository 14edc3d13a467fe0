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
 * <p>DJL's PyTorch gradient collector is process-wide, so at most one training scope
 * ({@link #open()}) may be open at a time in a JVM; inference scopes have no such limit.
 */
public final class DjlEngine implements AutodiffEngine {

    public static final String NAME = "djl";
    /** DJL's system property that forbids downloads of native libraries and models. */
    public static final String OFFLINE = "ai.djl.offline";
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
     * demands). The offline switch is set here because DJL reads it while loading the library.
     */
    static Engine pytorch() {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
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
