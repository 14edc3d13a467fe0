package org.hdbn.run.atomic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.FingerprintReader;
import org.hdbn.text.NearestNames;

/**
 * Loads a data set in RecBole's atomic-file benchmark layout ({@link AtomicLayout}).
 *
 * <p>Conventions: the {@code .inter} files have the token fields {@code user_id} and
 * {@code item_id}; the context is the one other token field of {@code NAME.train.inter} (or the
 * field {@link AtomicOptions#contextField()} names; with none, every row has the one context
 * {@link AtomicContent#NO_CONTEXT}); {@code NAME.valid.inter} has the same three fields.
 * {@code NAME.item} (key {@code item_id}) gives a table per {@code float_seq} field and a category
 * per {@code token} field; {@code NAME.user} (key {@code user_id}) a category per {@code token}
 * field; in both, the token field {@code label} is each entity's display label, not a category.
 * Other fields are reported as unused.
 *
 * <p>Ids: users are the {@code user_id} tokens of the training split and {@code .user}, items the
 * {@code item_id} tokens of the training split and {@code .item}, contexts the context tokens of
 * the training split, each numbered by {@link Vocabulary#sorted}. A validation row with a token
 * outside them is refused or, under {@link UnknownIds#DROP}, left out and counted. Every item needs
 * a row in {@code .item} when that file has tables or categories (likewise users and {@code .user}).
 */
public final class AtomicDataLoader {

    private static final String DROP_HINT = "; with unknown ids set to drop (--unknown-ids drop) they are left out "
            + "and counted";

    private AtomicDataLoader() {
    }

    /** Loads the data set in {@code layout}; its {@link AtomicDataset#report()} goes nowhere. */
    public static AtomicDataset load(AtomicLayout layout, AtomicOptions options) {
        return load(layout, options, line -> { });
    }

    /**
     * Loads the data set in {@code layout}, giving {@code notices} each line of its
     * {@link AtomicDataset#report()} but the first, and later any rows an evaluation file loses.
     */
    public static AtomicDataset load(AtomicLayout layout, AtomicOptions options, Consumer<String> notices) {
        FingerprintReader files = new FingerprintReader();
        String trainSource = layout.train().toString();
        AtomicTable train = read(files, "train", layout.train());
        if (train.rows() == 0) {
            throw new DataFormatException(trainSource + ": no rows after the header");
        }
        String contextField = contextField(train, trainSource, options.contextField());
        files.add("context_field", String.valueOf(contextField).getBytes(StandardCharsets.UTF_8));
        AtomicTable valid = read(files, "valid", layout.valid());
        EntityFile items = entityFile(files, "item", layout.item(), AtomicContent.ITEM_ID);
        EntityFile users = entityFile(files, "user", layout.user(), AtomicContent.USER_ID);

        Vocabulary userIds = vocabulary(train, trainSource, AtomicContent.USER_ID, users);
        Vocabulary itemIds = vocabulary(train, trainSource, AtomicContent.ITEM_ID, items);
        Vocabulary contexts = contextField == null ? Vocabulary.inOrder(List.of(AtomicContent.NO_CONTEXT))
                : Vocabulary.sorted(train.tokens(contextField, trainSource));

        InterMapper mapper = new InterMapper(userIds, itemIds, contexts, contextField, DROP_HINT, origins(layout));
        InterSplit trainSplit = mapper.map(train, trainSource, UnknownIds.FAIL);
        InterSplit validSplit = mapper.map(valid, layout.valid().toString(), options.unknownIds());
        // the test split is read to check it, not fingerprinted: adding one later keeps the data "the same"
        AtomicTable test = Files.exists(layout.test()) ? AtomicTableReader.read(layout.test()) : null;
        InterSplit testSplit = test == null ? null : mapper.map(test, layout.test().toString(), options.unknownIds());

        Map<String, double[][]> itemTables = new LinkedHashMap<>();
        Map<String, Categories> itemCategories = new LinkedHashMap<>();
        Map<String, Categories> userCategories = new LinkedHashMap<>();
        Map<String, List<String>> unused = new LinkedHashMap<>();
        List<String> itemLabels = null;
        List<String> userLabels = null;
        unused.put(trainSource, interUnused(train, contextField));
        unused.put(layout.valid().toString(), interUnused(valid, contextField));
        if (test != null) {
            unused.put(layout.test().toString(), interUnused(test, contextField));
        }
        if (items != null) {
            if (items.hasFeatures(true)) {
                int[] rows = items.rows(itemIds, whereSeen(train, layout.train(), AtomicContent.ITEM_ID));
                itemTables.putAll(items.tables(rows));
                itemCategories.putAll(items.categories(rows));
                itemLabels = items.labels(rows);
            }
            unused.put(layout.item().toString(), items.unused(true));
        }
        if (users != null) {
            // users get categories only: no spec reads a user table
            if (users.hasFeatures(false)) {
                int[] rows = users.rows(userIds, whereSeen(train, layout.train(), AtomicContent.USER_ID));
                userCategories.putAll(users.categories(rows));
                userLabels = users.labels(rows);
            }
            unused.put(layout.user().toString(), users.unused(false));
        }
        AtomicContent content = new AtomicContent(contextField, userIds, itemIds, contexts, trainSplit.interactions(),
                validSplit.interactions(), itemTables, itemCategories, userCategories, itemLabels, userLabels);
        Map<String, Integer> dropped = new LinkedHashMap<>();
        dropped.put(layout.valid().toString(), validSplit.dropped());
        if (testSplit != null) {
            dropped.put(layout.test().toString(), testSplit.dropped());
        }
        AtomicDataset data = new AtomicDataset(layout, options, content,
                testSplit == null ? null : testSplit.interactions(), files.fingerprint(), dropped, unused, notices);
        data.report().stream().skip(1).forEach(notices);
        return data;
    }

    /** Maps {@code .inter} rows to the ids of {@code content}, naming {@code layout}'s files in messages. */
    static InterMapper mapper(AtomicLayout layout, AtomicContent content) {
        return new InterMapper(content.users(), content.items(), content.contexts(), content.contextField(), DROP_HINT,
                origins(layout));
    }

    private static String[] origins(AtomicLayout layout) {
        String train = layout.train().getFileName().toString();
        return new String[] {origin(train, layout.user()), origin(train, layout.item()), train};
    }

    private static String origin(String train, Path entityFile) {
        return Files.exists(entityFile) ? train + " or " + entityFile.getFileName() : train;
    }

    private static AtomicTable read(FingerprintReader files, String label, Path file) {
        return AtomicTableReader.parse(files.read(label, file), file.toString());
    }

    private static EntityFile entityFile(FingerprintReader files, String label, Path file, String idField) {
        return Files.exists(file) ? new EntityFile(read(files, label, file), file.toString(), idField) : null;
    }

    /**
     * The context field: the one named, which must be a token field; else the one token field besides
     * the ids; else none.
     */
    private static String contextField(AtomicTable train, String source, String named) {
        AtomicHeader header = train.header();
        header.require(AtomicContent.USER_ID, FieldType.TOKEN, source);
        header.require(AtomicContent.ITEM_ID, FieldType.TOKEN, source);
        List<String> candidates = header.fields().stream().filter(f -> f.type() == FieldType.TOKEN)
                .map(AtomicField::name).filter(n -> !n.equals(AtomicContent.USER_ID) && !n.equals(AtomicContent.ITEM_ID))
                .toList();
        if (named != null) {
            if (named.equals(AtomicContent.USER_ID) || named.equals(AtomicContent.ITEM_ID)) {
                throw new DataFormatException("context field '" + named + "' is the " + named + " field; the context is"
                        + " another token field of " + source + ": " + candidates);
            }
            if (header.indexOf(named) < 0) {
                throw new DataFormatException(source + " line 1: no context field '" + named + "'"
                        + NearestNames.didYouMean(named, header.names()) + "; its token fields besides the ids are "
                        + candidates);
            }
            header.require(named, FieldType.TOKEN, source);
            return named;
        }
        if (candidates.size() > 1) {
            throw new DataFormatException(source + " line 1: several token fields could be the context: "
                    + String.join(", ", candidates) + "; name one (--context-field)");
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** The ids in the training split and the entity file. */
    private static Vocabulary vocabulary(AtomicTable train, String source, String field, EntityFile entities) {
        List<String> tokens = new ArrayList<>(train.tokens(field, source));
        if (entities != null) {
            tokens.addAll(entities.ids());
        }
        return Vocabulary.sorted(tokens);
    }

    /** Where a token of {@code field} first stands in the training split, for messages (looked up only then). */
    private static Function<String, String> whereSeen(AtomicTable train, Path file, String field) {
        return token -> "first in " + file.getFileName() + " line "
                + AtomicTable.line(train.tokens(field, file.toString()).indexOf(token));
    }

    private static List<String> interUnused(AtomicTable inter, String contextField) {
        return inter.header().fields().stream().filter(f -> !f.name().equals(AtomicContent.USER_ID)
                && !f.name().equals(AtomicContent.ITEM_ID) && !f.name().equals(contextField))
                .map(AtomicField::toString).toList();
    }
}
