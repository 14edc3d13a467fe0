/**
 * The model lifecycle over any data set: a model spec with training stages, the trainer that runs them,
 * checkpoints and resume, the trained model with its provenance, evaluation and recommendation.
 */
package org.hdbn.run;
