package org.hdbn.run.atomic;

import java.nio.file.Path;
import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.FileBytes;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.EntityIds;
import org.hdbn.run.data.InteractionsFormat;

/**
 * Evaluation interactions as an atomic {@code .inter} file (e.g. {@code NAME.test.inter}), read
 * against any data set's external ids, so a saved model evaluates one without its data folder. The
 * context is the one token field besides {@code user_id} and {@code item_id} (none: the data set's
 * one context). Unknown ids are refused, naming the first and counting them.
 */
public final class AtomicInterFormat implements InteractionsFormat {

    @Override
    public String description() {
        return "RecBole atomic interactions (.inter, fields user_id, item_id and a context token field)";
    }

    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().endsWith(".inter");
    }

    @Override
    public Interactions read(Path file, Dataset data) {
        if (data instanceof AtomicDataset atomic) {
            return atomic.readInteractions(file);
        }
        String source = file.toString();
        AtomicTable table = AtomicTableReader.parse(FileBytes.read(file), source);
        List<String> contexts = table.header().fields().stream().filter(f -> f.type() == FieldType.TOKEN)
                .map(AtomicField::name).filter(n -> !n.equals(AtomicContent.USER_ID) && !n.equals(AtomicContent.ITEM_ID))
                .toList();
        if (contexts.size() > 1) {
            throw new DataFormatException(source + " line 1: several token fields could be the context: "
                    + String.join(", ", contexts));
        }
        if (contexts.isEmpty() && data.contexts().size() != 1) {
            throw new DataFormatException(source + " line 1: no context field (a token field besides user_id and "
                    + "item_id), but " + data.name() + " has " + data.contexts().size() + " contexts");
        }
        String where = "the " + data.name() + " data set's ";
        InterMapper mapper = new InterMapper(ids(data.users()), ids(data.items()), ids(data.contexts()),
                contexts.isEmpty() ? null : contexts.get(0), "", where + "users", where + "items", where + "contexts");
        return mapper.map(table, source, UnknownIds.FAIL).interactions();
    }

    private static Vocabulary ids(EntityIds ids) {
        return Vocabulary.inOrder(ids.ids());
    }
}
