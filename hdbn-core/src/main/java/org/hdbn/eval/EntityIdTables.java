package org.hdbn.eval;

import java.io.Serializable;
import java.util.List;
import org.hdbn.data.Interactions;

/**
 * The external ids of users, contexts and items by model index, for output that a user reads
 * against their own data (such as {@link DistributedRanking#recommendAll}'s {@code user_id},
 * {@code context_id} and {@code item_ids}). Plain lists here, as the data set's own id type lives
 * in hdbn-run, which the ranking layer does not depend on.
 *
 * @param users id of each user index
 * @param contexts id of each context index
 * @param items id of each item index
 */
public record EntityIdTables(List<String> users, List<String> contexts, List<String> items) implements Serializable {

    public EntityIdTables {
        users = List.copyOf(users);
        contexts = List.copyOf(contexts);
        items = List.copyOf(items);
    }

    /**
     * Checks that every query's user and context, and every one of {@code numItems} items, has an id.
     *
     * @throws IllegalArgumentException naming the first query whose user or context has no id, or
     *     when the item ids are not one per scored item
     */
    public void requireCovers(Interactions queries, int numItems) {
        if (items.size() != numItems) {
            throw new IllegalArgumentException(items.size() + " item ids for " + numItems + " scored items");
        }
        for (int q = 0; q < queries.size(); q++) {
            int user = queries.users()[q];
            int context = queries.contexts()[q];
            if (user < 0 || user >= users.size()) {
                throw new IllegalArgumentException("query row " + q + ": user " + user + " has no id (" + users.size()
                        + " user ids)");
            }
            if (context < 0 || context >= contexts.size()) {
                throw new IllegalArgumentException("query row " + q + ": context " + context + " has no id ("
                        + contexts.size() + " context ids)");
            }
        }
    }
}
