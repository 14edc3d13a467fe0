package org.hdbn.run.atomic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hdbn.io.DataFormatException;

/**
 * A {@code .item} or {@code .user} file: one row per entity, keyed by its id field, which must be
 * unique. Its {@code float_seq} fields become tables, its {@code token} field {@code label} the
 * display labels, its other {@code token} fields categories, each aligned to the entity ids of a
 * {@link Vocabulary}; every entity there needs a row.
 */
final class EntityFile {

    private final AtomicTable table;
    private final String source;
    private final String idField;
    private final List<String> ids;
    private final Map<String, Integer> rowOf = new HashMap<>();

    EntityFile(AtomicTable table, String source, String idField) {
        this.table = table;
        this.source = source;
        this.idField = idField;
        this.ids = table.tokens(idField, source);
        for (int r = 0; r < ids.size(); r++) {
            Integer before = rowOf.put(ids.get(r), r);
            if (before != null) {
                throw new DataFormatException(source + " line " + AtomicTable.line(r) + ": field " + idField + ": '"
                        + ids.get(r) + "' already has a row, on line " + AtomicTable.line(before));
            }
        }
    }

    /** The entity ids, in file order. */
    List<String> ids() {
        return ids;
    }

    /** Whether any field gives a table (if {@code withTables}) or categories, so every entity needs a row. */
    boolean hasFeatures(boolean withTables) {
        return table.header().fields().stream().anyMatch(f -> !f.name().equals(idField) && used(f, withTables));
    }

    /**
     * The row of each entity of {@code vocabulary}.
     *
     * @param whereSeen where an entity missing here was first met, for the message
     * @throws DataFormatException naming the first entity without a row, where it was met, and the count
     */
    int[] rows(Vocabulary vocabulary, Function<String, String> whereSeen) {
        int[] rows = new int[vocabulary.size()];
        List<String> missing = new ArrayList<>();
        for (int e = 0; e < rows.length; e++) {
            Integer r = rowOf.get(vocabulary.token(e));
            if (r == null) {
                missing.add(vocabulary.token(e));
            }
            rows[e] = r == null ? -1 : r;
        }
        if (!missing.isEmpty()) {
            String first = missing.get(0);
            throw new DataFormatException(source + ": no row for " + idField + " '" + first + "' (" + whereSeen.apply(first)
                    + "); " + missing.size() + " of " + rows.length + " ids have none, and every one needs its "
                    + String.join(", ", fieldsBesidesId()));
        }
        return rows;
    }

    /** The {@code float_seq} fields as tables (entity x width), rows as {@code rows} orders them. */
    Map<String, double[][]> tables(int[] rows) {
        Map<String, double[][]> tables = new LinkedHashMap<>();
        for (AtomicField field : table.header().fields()) {
            if (field.type() == FieldType.FLOAT_SEQ) {
                tables.put(field.name(), table(field.name(), rows));
            }
        }
        return tables;
    }

    private double[][] table(String field, int[] rows) {
        double[][] values = table.floatSeqs(field, source);
        int width = values.length == 0 ? 0 : values[0].length;
        for (int r = 0; r < values.length; r++) {
            if (values[r].length == 0 || values[r].length != width) {
                throw new DataFormatException(source + " line " + AtomicTable.line(r) + ": field " + field + ": "
                        + values[r].length + " values, expected " + (width == 0 ? "at least one" : width
                        + " as on line 2") + " (a table has one width)");
            }
        }
        double[][] aligned = new double[rows.length][];
        for (int e = 0; e < rows.length; e++) {
            aligned[e] = values[rows[e]].clone();
        }
        return aligned;
    }

    /** The {@code token} fields besides the id as categories, entities as {@code rows} orders them. */
    Map<String, Categories> categories(int[] rows) {
        Map<String, Categories> categories = new LinkedHashMap<>();
        for (AtomicField field : table.header().fields()) {
            if (isCategory(field)) {
                List<String> values = table.tokens(field.name(), source);
                List<String> aligned = new ArrayList<>(rows.length);
                for (int row : rows) {
                    aligned.add(values.get(row));
                }
                Vocabulary vocabulary = Vocabulary.sorted(aligned);
                int[] ids = aligned.stream().mapToInt(vocabulary::id).toArray();
                categories.put(field.name(), new Categories(vocabulary, ids));
            }
        }
        return categories;
    }

    /** The labels of the entities as {@code rows} orders them, or null when there is no label field. */
    List<String> labels(int[] rows) {
        if (table.header().indexOf(AtomicContent.LABEL) < 0) {
            return null;
        }
        List<String> values = table.tokens(AtomicContent.LABEL, source);
        List<String> aligned = new ArrayList<>(rows.length);
        for (int row : rows) {
            aligned.add(values.get(row));
        }
        return aligned;
    }

    private boolean isCategory(AtomicField field) {
        return field.type() == FieldType.TOKEN && !field.name().equals(idField) && !field.name().equals(AtomicContent.LABEL);
    }

    /** The fields that give neither tables (if {@code withTables}) nor categories, as {@code name:type}. */
    List<String> unused(boolean withTables) {
        return table.header().fields().stream().filter(f -> !f.name().equals(idField) && !used(f, withTables))
                .map(AtomicField::toString).toList();
    }

    private boolean used(AtomicField field, boolean withTables) {
        return (withTables && field.type() == FieldType.FLOAT_SEQ) || field.type() == FieldType.TOKEN;
    }

    private List<String> fieldsBesidesId() {
        return table.header().names().stream().filter(n -> !n.equals(idField)).toList();
    }
}
