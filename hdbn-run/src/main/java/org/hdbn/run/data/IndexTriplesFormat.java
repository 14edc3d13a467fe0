package org.hdbn.run.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hdbn.data.Interactions;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.FileBytes;
import org.hdbn.io.TriplesCsv;

/**
 * Interactions as a CSV of 0-based (user, item, context) index triples ({@link TriplesCsv}) under
 * any header of three column names, such as EmoMusicLJ's {@code user_id,song_id,emo_id}.
 */
public final class IndexTriplesFormat implements InteractionsFormat {

    @Override
    public String description() {
        return "index triples (.csv, header user,item,context)";
    }

    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().endsWith(".csv");
    }

    @Override
    public Interactions read(Path file, Dataset data) {
        byte[] bytes = FileBytes.read(file);
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).replace("\uFEFF", "");
        int end = text.indexOf('\n');
        String[] names = (end < 0 ? text : text.substring(0, end)).strip().split(",", -1);
        if (names.length != 3 || names[0].isBlank() || names[1].isBlank() || names[2].isBlank()) {
            throw new DataFormatException(file + " line 1: expected a header of three column names (user, item, "
                    + "context), got '" + (end < 0 ? text : text.substring(0, end)).strip() + "'");
        }
        return new TriplesCsv(names[0], names[1], names[2]).parse(bytes, file.toString(), data.users().size(),
                data.items().size(), data.contexts().size());
    }
}
