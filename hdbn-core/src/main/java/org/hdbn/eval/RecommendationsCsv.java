package org.hdbn.eval;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.data.Interactions;

/**
 * Reads and writes recommendation exports: a CSV with a header ({@link CsvHeader}) and one row per
 * evaluation triple, {@code user,item,context,recommended}, where {@code recommended} is the
 * space-separated recommended item ids, best first. This is the input of the project's independent
 * scorer ({@code shared/tools/score_recs.py}).
 */
public final class RecommendationsCsv {

    private RecommendationsCsv() {
    }

    /**
     * Writes one row per triple, atomically: a temporary file in the same directory is moved over
     * {@code file} only once complete.
     *
     * @param lists per row of {@code triples}, the recommended items best first
     */
    public static void write(Path file, CsvHeader header, Interactions triples, int[][] lists) throws IOException {
        if (triples.size() != lists.length) {
            throw new IllegalArgumentException(triples.size() + " triples but " + lists.length + " lists");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(header.line());
                w.write('\n');
                StringBuilder line = new StringBuilder();
                for (int r = 0; r < lists.length; r++) {
                    line.setLength(0);
                    line.append(triples.users()[r]).append(',').append(triples.items()[r]).append(',')
                            .append(triples.contexts()[r]).append(',');
                    int[] list = lists[r];
                    for (int k = 0; k < list.length; k++) {
                        if (k > 0) {
                            line.append(' ');
                        }
                        line.append(list[k]);
                    }
                    w.append(line).append('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the triples of {@code eval} with the lists of an evaluation of them. */
    public static void write(Path file, CsvHeader header, Interactions eval, EvaluationResult result)
            throws IOException {
        write(file, header, eval, result.recommendations());
    }

    /**
     * Reads an export written with the given header, in file order.
     *
     * @throws RecommendationsFormatException naming the file, line and field of the first problem
     */
    public static Recommendations read(Path file, CsvHeader header) throws IOException {
        List<int[]> triples = new ArrayList<>();
        List<int[]> lists = new ArrayList<>();
        String[] names = {header.user(), header.item(), header.context(), header.recommended()};
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.strip().equals(header.line())) {
                throw new RecommendationsFormatException(file.getFileName() + " line 1: expected header '"
                        + header.line() + "', got " + (first == null ? "an empty file" : "'" + first + "'"));
            }
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new RecommendationsFormatException(file.getFileName() + " line " + lineNo
                            + ": expected 4 fields, got " + f.length);
                }
                int[] triple = new int[3];
                for (int c = 0; c < 3; c++) {
                    triple[c] = parse(f[c].strip(), file, lineNo, names[c]);
                }
                String rec = f[3].strip();
                String[] tokens = rec.isEmpty() ? new String[0] : rec.split(" +");
                int[] list = new int[tokens.length];
                for (int k = 0; k < tokens.length; k++) {
                    list[k] = parse(tokens[k], file, lineNo, names[3]);
                }
                triples.add(triple);
                lists.add(list);
            }
        }
        int n = triples.size();
        int[] users = new int[n];
        int[] items = new int[n];
        int[] contexts = new int[n];
        for (int r = 0; r < n; r++) {
            users[r] = triples.get(r)[0];
            items[r] = triples.get(r)[1];
            contexts[r] = triples.get(r)[2];
        }
        return new Recommendations(new Interactions(users, items, contexts), lists.toArray(new int[0][]));
    }

    private static int parse(String token, Path file, int line, String field) {
        try {
            int value = Integer.parseInt(token);
            if (value < 0) {
                throw new RecommendationsFormatException(file.getFileName() + " line " + line + ": field "
                        + field + ": expected a non-negative index, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RecommendationsFormatException(file.getFileName() + " line " + line + ": field "
                    + field + ": expected an integer, got '" + token + "'");
        }
    }
}
