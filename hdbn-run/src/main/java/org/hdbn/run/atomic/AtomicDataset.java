package org.hdbn.run.atomic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.hdbn.data.Interactions;
import org.hdbn.io.FileBytes;
import org.hdbn.run.data.CategoryColumn;
import org.hdbn.run.data.InMemoryDataset;
import org.hdbn.run.data.EntityIds;
import org.hdbn.tensor.Tensor;

/**
 * A {@link org.hdbn.run.data.Dataset} read from RecBole atomic files by {@link AtomicDataLoader}: the
 * {@link AtomicContent} (ids are the files' tokens), the files it came from, a fingerprint, and
 * a report of what was not used (rows left out for unknown ids, fields that are neither ids,
 * context, tables nor categories), which also goes to the notice sink given at loading.
 *
 * <p>What a spec sees (through {@link org.hdbn.run.data.DatasetDims}): {@code .item}
 * {@code float_seq} field {@code T} is the item table {@code T} (dimension {@code T.width}),
 * {@code .item} token field {@code C} the item category {@code C} ({@code C.count}, entity feature
 * {@code user_C_histogram}), {@code .user} token field {@code G} the user category {@code G}.
 * The built-in specs need {@code song_mood}, {@code genre} and, for the k-means gate's
 * {@code groups}, a user category {@code group}. Without one in {@code .user}, the data set has a
 * {@code group} of {@link #defaultGroups} categories with every user in the first, which the report
 * says: a k-means gate then finds that many groups (the paper's ratio: 10 groups for EmoMusicLJ-small's
 * 3,473 users, 50 for EmoMusicLJ's 15,233, about one per 300 users, at least the 2 k-means needs),
 * and a fixed gate sends every user to one expert.
 */
public final class AtomicDataset extends InMemoryDataset {

    /** The user category the built-in specs' gates read ({@code groups} is its count). */
    public static final String GROUP = "group";

    private final AtomicLayout layout;
    private final AtomicOptions options;
    private final AtomicContent content;
    private final Map<String, Integer> dropped;
    private final Map<String, List<String>> unused;
    private final Consumer<String> notices;

    AtomicDataset(AtomicLayout layout, AtomicOptions options, AtomicContent content, Interactions test,
            String fingerprint, Map<String, Integer> dropped, Map<String, List<String>> unused,
            Consumer<String> notices) {
        super(layout.name(), layout.directory(), fingerprint, new EntityIds(content.users().tokens(),
                content.userLabels()), new EntityIds(content.items().tokens(), content.itemLabels()),
                EntityIds.of(content.contexts().tokens()), content.train(), content.valid(), test,
                tables(content.itemTables()), columns(content.itemCategories()), userColumns(content));
        this.layout = layout;
        this.options = Objects.requireNonNull(options, "options");
        this.content = content;
        this.dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
        this.unused = Collections.unmodifiableMap(new LinkedHashMap<>(unused));
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    private static Map<String, Tensor> tables(Map<String, double[][]> tables) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tables.forEach((name, rows) -> out.put(name, Tensor.matrix(rows)));
        return out;
    }

    private static Map<String, CategoryColumn> columns(Map<String, Categories> categories) {
        Map<String, CategoryColumn> columns = new LinkedHashMap<>();
        categories.forEach((name, c) -> columns.put(name, new CategoryColumn(c.ids(), c.size())));
        return columns;
    }

    private static Map<String, CategoryColumn> userColumns(AtomicContent content) {
        Map<String, CategoryColumn> users = columns(content.userCategories());
        users.putIfAbsent(GROUP, new CategoryColumn(new int[content.users().size()], defaultGroups(content.users().size())));
        return users;
    }

    /** The number of groups of the default {@code group} category: users / 300, rounded, at least 2. */
    public static int defaultGroups(int users) {
        return Math.max(2, Math.round(users / 300f));
    }

    /** The folder and the files' stem. */
    public AtomicLayout layout() {
        return layout;
    }

    /** How it was read. */
    public AtomicOptions options() {
        return options;
    }

    /** Ids, splits, tables and categories with their tokens. */
    public AtomicContent content() {
        return content;
    }

    /** Per file read, the rows left out for unknown ids (non-zero only under {@link UnknownIds#DROP}). */
    public Map<String, Integer> dropped() {
        return dropped;
    }

    /** Per file read, the fields that carry nothing the run uses, as {@code name:type}. */
    public Map<String, List<String>> unused() {
        return unused;
    }

    /** One line per thing worth saying: the sizes, the default groups, rows left out, fields not used. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(layout.name() + " (atomic files in " + layout.directory() + "): " + content);
        if (!content.userCategories().containsKey(GROUP)) {
            lines.add("no user category '" + GROUP + "' (a " + GROUP + " token field of " + layout.user().getFileName()
                    + "): groups = " + defaultGroups(content.users().size()) + " (about one per 300 users, at least 2) "
                    + "for a k-means gate; a fixed gate puts every user in one group");
        }
        dropped.forEach((file, n) -> {
            if (n > 0) {
                lines.add(droppedNotice(file, n));
            }
        });
        unused.forEach((file, fields) -> {
            if (!fields.isEmpty()) {
                lines.add(file + ": fields not used: " + String.join(", ", fields));
            }
        });
        return lines;
    }

    static String droppedNotice(String file, int rows) {
        return file + ": " + rows + " rows left out (unknown user, item or context)";
    }

    /**
     * Reads a further {@code .inter} file against this data set's ids (its own context field, which
     * {@link AtomicInterFormat} alone could not tell among several); under {@link UnknownIds#DROP}
     * the rows left out are counted in a notice.
     */
    @Override
    public Interactions readInteractions(Path file) {
        InterSplit split = AtomicDataLoader.mapper(layout, content).map(
                AtomicTableReader.parse(FileBytes.read(file), file.toString()), file.toString(), options.unknownIds());
        if (split.dropped() > 0) {
            notices.accept(droppedNotice(file.toString(), split.dropped()));
        }
        return split.interactions();
    }

    @Override
    public String toString() {
        return "AtomicDataset[" + layout.name() + ": " + content + "]";
    }
}
