package org.hdbn.testing;

import java.util.Arrays;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;

/**
 * Checks that two evaluations ranked alike: every triple's two ranks, two lists and seen flag, and
 * every protocol's metric means, equal to the bit. For comparisons that must not differ at all: one
 * thread against several, local against distributed, one order of the triples against another.
 */
public final class SameRanking {

    private SameRanking() {
    }

    /** Throws an {@link AssertionError} naming the first difference. */
    public static void check(EvaluationResult expected, EvaluationResult actual) {
        same("target ranks", Arrays.equals(expected.targetRanks(), actual.targetRanks()));
        same("full ranks", Arrays.equals(expected.fullRanks(), actual.fullRanks()));
        same("lists", Arrays.deepEquals(expected.recommendations(), actual.recommendations()));
        same("full lists", Arrays.deepEquals(expected.fullRecommendations(), actual.fullRecommendations()));
        same("seen flags", Arrays.equals(expected.targetSeen(), actual.targetSeen()));
        for (Protocol p : Protocol.values()) {
            same(p + " means " + expected.metrics(p).means() + " against " + actual.metrics(p).means(),
                    expected.metrics(p).means().equals(actual.metrics(p).means()));
        }
    }

    private static void same(String what, boolean equal) {
        if (!equal) {
            throw new AssertionError("the evaluations differ in their " + what);
        }
    }
}
