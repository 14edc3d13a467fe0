package org.hdbn.run.atomic;

import java.util.Arrays;
import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.io.DataFormatException;
import org.hdbn.text.NearestNames;

/**
 * Turns the rows of a {@code .inter} file into (user, item, context) triples of dense ids, with
 * the vocabularies fixed by the training split. A row with an unknown token is refused or left out
 * and counted, as {@link UnknownIds} says; none is passed over silently.
 */
final class InterMapper {

    private final Vocabulary users;
    private final Vocabulary items;
    private final Vocabulary contexts;
    private final String contextField;
    private final String[] origins;
    private final String dropHint;

    /**
     * @param dropHint how to leave such rows out instead, appended to the refusal (empty: no way)
     * @param origins  where the user, item and context vocabularies come from, for messages, e.g.
     *                 {@code "x.train.inter or x.item"} for the items
     */
    InterMapper(Vocabulary users, Vocabulary items, Vocabulary contexts, String contextField, String dropHint,
            String... origins) {
        this.users = users;
        this.items = items;
        this.contexts = contexts;
        this.contextField = contextField;
        this.origins = origins.clone();
        this.dropHint = dropHint;
    }

    /**
     * The triples of {@code table}, read from {@code source}.
     *
     * @throws DataFormatException naming the file, line, field and value of the first unknown token
     *     (with the nearest known one) and the count of such rows, under {@link UnknownIds#FAIL}; or
     *     when a field is missing or of another type
     */
    InterSplit map(AtomicTable table, String source, UnknownIds policy) {
        List<String> userTokens = table.tokens(AtomicContent.USER_ID, source);
        List<String> itemTokens = table.tokens(AtomicContent.ITEM_ID, source);
        List<String> contextTokens = contextField == null ? null : table.tokens(contextField, source);
        int n = table.rows();
        int[] u = new int[n];
        int[] i = new int[n];
        int[] c = new int[n];
        int kept = 0;
        String firstUnknown = null;
        int unknown = 0;
        for (int r = 0; r < n; r++) {
            u[kept] = users.id(userTokens.get(r));
            i[kept] = items.id(itemTokens.get(r));
            c[kept] = contextTokens == null ? 0 : contexts.id(contextTokens.get(r));
            if (u[kept] >= 0 && i[kept] >= 0 && c[kept] >= 0) {
                kept++;
                continue;
            }
            unknown++;
            if (firstUnknown == null) {
                firstUnknown = u[kept] < 0 ? describe(source, r, AtomicContent.USER_ID, "user", userTokens.get(r), users, 0)
                        : i[kept] < 0 ? describe(source, r, AtomicContent.ITEM_ID, "item", itemTokens.get(r), items, 1)
                        : describe(source, r, contextField, "context", contextTokens.get(r), contexts, 2);
            }
        }
        if (unknown > 0 && policy == UnknownIds.FAIL) {
            throw new DataFormatException(firstUnknown + "; " + unknown + " of " + n + " rows of " + source
                    + " have an unknown user, item or context (the model has no id for them)" + dropHint);
        }
        return new InterSplit(new Interactions(Arrays.copyOf(u, kept), Arrays.copyOf(i, kept), Arrays.copyOf(c, kept)),
                unknown);
    }

    private String describe(String source, int row, String field, String what, String token, Vocabulary vocabulary,
            int kind) {
        return source + " line " + AtomicTable.line(row) + ": field " + field + ": unknown " + what + " '" + token
                + "' (not in " + origins[kind] + ")" + NearestNames.didYouMean(token, vocabulary.tokens());
    }
}
