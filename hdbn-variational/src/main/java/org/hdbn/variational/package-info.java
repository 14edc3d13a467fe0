/**
 * Variational building blocks, written only against {@link org.hdbn.autodiff.Graph}:
 * <ul>
 *   <li>{@code latent}: amortised Gaussian latent nodes with a standard normal, learned or
 *       conditional (another node's) prior and an optional reconstruction;</li>
 *   <li>{@code bayes}: mean-field Bayesian dense layers and MLPs (Blundell et al. 2015) with
 *       pluggable weight priors and estimators (reparameterisation, local reparameterisation,
 *       flipout);</li>
 *   <li>{@code elbo}: the ELBO objective and KL-weight schedules;</li>
 *   <li>{@code predict}: Monte Carlo prediction;</li>
 *   <li>{@code nodes}: the spec types that put Bayesian networks and likelihoods into a model
 *       graph.</li>
 * </ul>
 * {@link org.hdbn.variational.VariationalSpecTypes} registers every spec type.
 */
package org.hdbn.variational;
