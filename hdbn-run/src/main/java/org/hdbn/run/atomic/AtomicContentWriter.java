package org.hdbn.run.atomic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.data.Interactions;

/**
 * Writes an {@link AtomicContent} as atomic files in the benchmark layout ({@link AtomicLayout}):
 * {@code NAME.train.inter} and {@code NAME.valid.inter} ({@code user_id}, {@code item_id} and the
 * context field, rows in order), {@code NAME.item} when there are item tables, categories or labels,
 * {@code NAME.user} when there are user categories or labels (one row per entity, in id order). Each file is
 * written atomically.
 *
 * <p>The ids of the files read back are those of {@link Vocabulary#sorted}; content whose
 * vocabularies are in another order would come back with other ids, so it is refused before
 * anything is written.
 */
public final class AtomicContentWriter {

    private AtomicContentWriter() {
    }

    /**
     * Writes {@code content} into {@code dir} (created if missing) under the stem {@code name}.
     *
     * @return the layout written
     * @throws IllegalArgumentException naming the field whose vocabulary is not in sorted order, or a
     *     value no atomic file can hold
     */
    public static AtomicLayout write(AtomicContent content, Path dir, String name) {
        AtomicLayout layout = new AtomicLayout(dir, name);
        String context = content.contextField();
        requireSorted(AtomicContent.USER_ID, content.users());
        requireSorted(AtomicContent.ITEM_ID, content.items());
        if (context != null) {
            requireSorted(context, content.contexts());
        }
        content.itemCategories().forEach((field, c) -> requireSorted(field, c.values()));
        content.userCategories().forEach((field, c) -> requireSorted(field, c.values()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e, e);
        }
        AtomicTableWriter.write(layout.train(), inter(content, content.train()));
        AtomicTableWriter.write(layout.valid(), inter(content, content.valid()));
        if (!content.itemTables().isEmpty() || !content.itemCategories().isEmpty() || content.itemLabels() != null) {
            AtomicTableWriter.write(layout.item(), entities(AtomicContent.ITEM_ID, content.items(),
                    content.itemTables(), content.itemCategories(), content.itemLabels()));
        }
        if (!content.userCategories().isEmpty() || content.userLabels() != null) {
            AtomicTableWriter.write(layout.user(), entities(AtomicContent.USER_ID, content.users(), Map.of(),
                    content.userCategories(), content.userLabels()));
        }
        return layout;
    }

    /** Writes a test split beside the files of {@link #write}, as {@code NAME.test.inter}. */
    public static void writeTest(AtomicContent content, Interactions test, AtomicLayout layout) {
        AtomicTableWriter.write(layout.test(), inter(content, test));
    }

    private static void requireSorted(String field, Vocabulary vocabulary) {
        if (!Vocabulary.sorted(vocabulary.tokens()).equals(vocabulary)) {
            throw new IllegalArgumentException("field " + field + ": its tokens are not in the order Vocabulary.sorted "
                    + "gives, so the files would be read back with other ids");
        }
    }

    private static AtomicTable inter(AtomicContent content, Interactions split) {
        List<AtomicField> fields = new ArrayList<>(List.of(AtomicField.token(AtomicContent.USER_ID),
                AtomicField.token(AtomicContent.ITEM_ID)));
        List<AtomicColumn> columns = new ArrayList<>(List.of(tokens(content.users(), split.users()),
                tokens(content.items(), split.items())));
        if (content.contextField() != null) {
            fields.add(AtomicField.token(content.contextField()));
            columns.add(tokens(content.contexts(), split.contexts()));
        }
        return new AtomicTable(new AtomicHeader(fields), columns);
    }

    private static AtomicTable entities(String idField, Vocabulary ids, Map<String, double[][]> tables,
            Map<String, Categories> categories, List<String> labels) {
        List<AtomicField> fields = new ArrayList<>(List.of(AtomicField.token(idField)));
        List<AtomicColumn> columns = new ArrayList<>(List.of(new AtomicColumn.Tokens(ids.tokens())));
        if (labels != null) {
            fields.add(AtomicField.token(AtomicContent.LABEL));
            columns.add(new AtomicColumn.Tokens(labels));
        }
        tables.forEach((field, table) -> {
            fields.add(AtomicField.floatSeq(field));
            columns.add(new AtomicColumn.FloatSeqs(table));
        });
        categories.forEach((field, c) -> {
            fields.add(AtomicField.token(field));
            columns.add(tokens(c.values(), c.ids()));
        });
        return new AtomicTable(new AtomicHeader(fields), columns);
    }

    private static AtomicColumn.Tokens tokens(Vocabulary vocabulary, int[] ids) {
        List<String> values = new ArrayList<>(ids.length);
        for (int id : ids) {
            values.add(vocabulary.token(id));
        }
        return new AtomicColumn.Tokens(values);
    }
}
