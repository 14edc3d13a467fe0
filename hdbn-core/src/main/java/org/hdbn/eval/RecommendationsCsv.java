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
 * evaluation triple, {@code user,item,context,recommended[,recommended_full]}, where
 * {@code recommended} is the space-separated recommended item ids among the candidates, best
 * first, and {@code recommended_full} those among all items. This is the input of the project's
 * independent scorer.
 */
public final class RecommendationsCsv {

    private RecommendationsCsv() {
    }

    /**
     * Writes one row per triple, atomically: a temporary file in the same directory is moved over
     * {@code file} only once complete.
     *
     * @param lists per row of {@code triples}, the recommended items best first
     * @param fullLists per row, the best items among all items; required when the header has their
     *     column, otherwise null
     */
    public static void write(Path file, CsvHeader header, Interactions triples, int[][] lists, int[][] fullLists)
            throws IOException {
        new Recommendations(triples, lists, fullLists);
        if (header.hasFull() != (fullLists != null)) {
            throw new IllegalArgumentException(header.hasFull() ? "the header has a column " + header.recommendedFull()
                    + " but no full lists were given" : "full lists given but the header has no column for them");
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
                    appendList(line, lists[r]);
                    if (fullLists != null) {
                        appendList(line.append(','), fullLists[r]);
                    }
                    w.append(line).append('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void appendList(StringBuilder line, int[] list) {
        for (int k = 0; k < list.length; k++) {
            if (k > 0) {
                line.append(' ');
            }
            line.append(list[k]);
        }
    }

    /**
     * Writes the triples of {@code eval} with the lists of an evaluation of them; the unexcluded
     * lists too when the header has their column.
     */
    public static void write(Path file, CsvHeader header, Interactions eval, EvaluationResult result)
            throws IOException {
        write(file, header, eval, result.recommendations(), header.hasFull() ? result.fullRecommendations() : null);
    }

    /**
     * Reads an export written with the given header, in file order.
     *
     * @throws RecommendationsFormatException naming the file, line and field of the first problem
     */
    public static Recommendations read(Path file, CsvHeader header) throws IOException {
        List<int[]> triples = new ArrayList<>();
        List<int[]> lists = new ArrayList<>();
        List<int[]> fullLists = new ArrayList<>();
        String[] names = {header.user(), header.item(), header.context(), header.recommended(), header.recommendedFull()};
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
                if (f.length != header.columns()) {
                    throw new RecommendationsFormatException(file.getFileName() + " line " + lineNo
                            + ": expected " + header.columns() + " fields, got " + f.length);
                }
                int[] triple = new int[3];
                for (int c = 0; c < 3; c++) {
                    triple[c] = parse(f[c].strip(), file, lineNo, names[c]);
                }
                triples.add(triple);
                lists.add(parseList(f[3], file, lineNo, names[3]));
                if (header.hasFull()) {
                    fullLists.add(parseList(f[4], file, lineNo, names[4]));
                }
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
        return new Recommendations(new Interactions(users, items, contexts), lists.toArray(new int[0][]),
                header.hasFull() ? fullLists.toArray(new int[0][]) : null);
    }

    private static int[] parseList(String field, Path file, int line, String name) {
        String rec = field.strip();
        String[] tokens = rec.isEmpty() ? new String[0] : rec.split(" +");
        int[] list = new int[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            list[k] = parse(tokens[k], file, line, name);
        }
        return list;
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
