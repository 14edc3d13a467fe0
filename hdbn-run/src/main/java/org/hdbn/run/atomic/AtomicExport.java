package org.hdbn.run.atomic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.hdbn.run.data.CategoryColumn;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.EntityIds;
import org.hdbn.tensor.Tensor;

/**
 * Turns any {@link Dataset} into {@link AtomicContent}, so that the atomic files written from it
 * ({@link AtomicContentWriter}) load back with the same ids, triples, tables and categories, and a
 * model trained on either form with the same seed gives the same metrics.
 *
 * <p>Tokens: an entity's external ids where they already sort into index order
 * ({@link Vocabulary#sorted}, as EmoMusicLJ's alphabetical emotion tags do), otherwise its index
 * ({@code 0}, {@code 1}, ...), which always sorts into index order; category codes as their numbers;
 * display labels that differ from the ids as the {@code label} field of {@code .item} and {@code .user}.
 * Every choice that loses something is said through the notice sink: external ids replaced by
 * indexes, and category codes that no entity has (atomic files list values, not a count, so such a
 * column comes back with fewer categories).
 */
public final class AtomicExport {

    private AtomicExport() {
    }

    /**
     * The content of {@code data}, its contexts under the {@code .inter} field {@code contextField}.
     *
     * @param notices receives one line per loss described in the class comment
     */
    public static AtomicContent of(Dataset data, String contextField, Consumer<String> notices) {
        Map<String, double[][]> tables = new LinkedHashMap<>();
        new TreeMap<>(data.itemTables()).forEach((name, t) -> tables.put(name, rows(t)));
        return new AtomicContent(contextField, tokens("users", data.users(), notices),
                tokens("items", data.items(), notices), tokens("contexts", data.contexts(), notices), data.train(),
                data.validation(), tables, categories("item", data.itemCategories(), notices),
                categories("user", data.userCategories(), notices), labels(data.items()), labels(data.users()));
    }

    private static Vocabulary tokens(String what, EntityIds ids, Consumer<String> notices) {
        Vocabulary own = Vocabulary.inOrder(ids.ids());
        if (Vocabulary.sorted(ids.ids()).equals(own)) {
            return own;
        }
        notices.accept(what + ": the ids (e.g. '" + ids.id(0) + "') do not sort into index order, so the files "
                + "name them by index (0.." + (ids.size() - 1) + ") to keep every id");
        return Vocabulary.inOrder(EntityIds.numbered(ids.size()).ids());
    }

    /** The labels where any differs from its id (the labels of ids replaced by indexes keep them readable). */
    private static List<String> labels(EntityIds ids) {
        return ids.labels().equals(ids.ids()) ? null : ids.labels();
    }

    private static Map<String, Categories> categories(String entity, Map<String, CategoryColumn> columns,
            Consumer<String> notices) {
        Map<String, Categories> out = new LinkedHashMap<>();
        new TreeMap<>(columns).forEach((name, column) -> {
            boolean[] used = new boolean[column.count()];
            for (int code : column.codes()) {
                used[code] = true;
            }
            List<Integer> unused = new ArrayList<>();
            for (int c = 0; c < used.length; c++) {
                if (!used[c]) {
                    unused.add(c);
                }
            }
            if (!unused.isEmpty()) {
                notices.accept(entity + " category " + name + ": codes " + unused + " belong to no " + entity
                        + "; the files keep only the " + (column.count() - unused.size()) + " used of "
                        + column.count() + ", renumbered in order");
            }
            List<String> tokens = Arrays.stream(column.codes()).mapToObj(Integer::toString).toList();
            Vocabulary values = Vocabulary.sorted(tokens);
            out.put(name, new Categories(values, tokens.stream().mapToInt(values::id).toArray()));
        });
        return out;
    }

    private static double[][] rows(Tensor table) {
        double[][] rows = new double[table.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = table.row(r);
        }
        return rows;
    }
}
