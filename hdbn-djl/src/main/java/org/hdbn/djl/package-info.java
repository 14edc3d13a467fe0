/**
 * A second autodiff engine behind {@link org.hdbn.autodiff.AutodiffEngine}: the op set of
 * {@link org.hdbn.autodiff.Graph} on PyTorch through Deep Java Library, in double precision on
 * the CPU, selected by the name {@code djl}. Every block of the framework runs on it unchanged;
 * the tests hold it to the tape engine's values and gradients op by op, block by block and
 * through training steps. {@code hdbn bench} (hdbn-examples' {@code EngineComparison}) times the
 * two engines.
 */
package org.hdbn.djl;
