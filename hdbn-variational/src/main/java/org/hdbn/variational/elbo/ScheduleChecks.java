package org.hdbn.variational.elbo;

import org.hdbn.graph.SpecException;

/** Validation shared by the KL schedules: errors name the schedule type and the field. */
final class ScheduleChecks {

    private ScheduleChecks() {
    }

    static void requireWeight(String type, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new SpecException(type + " KL schedule: field weight must be finite and not negative, got " + w);
        }
    }

    static void requirePositive(String type, String field, long v) {
        if (v <= 0) {
            throw new SpecException(type + " KL schedule: field " + field + " must be positive, got " + v);
        }
    }
}
