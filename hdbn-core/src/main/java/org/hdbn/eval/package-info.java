/**
 * Full-ranking evaluation of recommenders over (user, item, context) triples: every triple ranks
 * all items ({@link org.hdbn.eval.RankingEvaluator}), per-triple HR@k, P@k, NDCG@k and MRR@K under
 * the three {@link org.hdbn.eval.Protocol}s, the recommendation export
 * ({@link org.hdbn.eval.RecommendationsCsv}) and paired significance tests
 * ({@link org.hdbn.eval.PairedSignificance}). Metric definitions match the project's independent
 * scorer.
 */
package org.hdbn.eval;
