package org.hdbn.examples.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.io.DataFormatException;

/** Reads the JSON files of the EmoMusicLJ layout, strictly: every deviation names the file and key. */
final class JsonFiles {

    // duplicate keys would otherwise silently keep the last value
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private JsonFiles() {
    }

    /** An object {@code {"0": "a", "1": "b", ...}} whose keys are exactly 0..n-1, as a list. */
    static List<String> indexedStrings(byte[] bytes, String source) {
        JsonNode[] values = indexed(bytes, source);
        List<String> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isTextual()) {
                throw new DataFormatException(source + ": key \"" + i + "\": expected a string, got " + values[i]);
            }
            out.add(values[i].textValue());
        }
        return Collections.unmodifiableList(out);
    }

    /** An object {@code {"0": 2, "1": 4, ...}} whose keys are exactly 0..n-1, as an array. */
    static int[] indexedInts(byte[] bytes, String source) {
        JsonNode[] values = indexed(bytes, source);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isIntegralNumber() || !values[i].canConvertToInt()) {
                throw new DataFormatException(source + ": key \"" + i + "\": expected an integer, got " + values[i]);
            }
            out[i] = values[i].intValue();
        }
        return out;
    }

    /** {@code {original_id: [artist, title, genre, year], ...}}; years may be strings or numbers. */
    static Map<String, SongInfo> songMeta(byte[] bytes, String source) {
        JsonNode root = object(bytes, source);
        Map<String, SongInfo> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (!v.isArray() || v.size() != 4 || !allScalar(v)) {
                throw new DataFormatException(source + ": key \"" + e.getKey()
                        + "\": expected [artist, title, genre, year], got " + abbreviate(v.toString()));
            }
            out.put(e.getKey(), new SongInfo(e.getKey(), v.get(0).asText(), v.get(1).asText(), v.get(2).asText(),
                    v.get(3).asText()));
        }
        return out;
    }

    private static JsonNode[] indexed(byte[] bytes, String source) {
        JsonNode root = object(bytes, source);
        JsonNode[] values = new JsonNode[root.size()];
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            int index = parseIndex(e.getKey());
            if (index < 0 || index >= values.length) {
                throw new DataFormatException(source + ": key \"" + e.getKey() + "\" is not an index in 0.."
                        + (values.length - 1) + " (keys must be exactly 0..n-1)");
            }
            values[index] = e.getValue();
        }
        // distinct keys within 0..n-1 cover it completely; this guards the invariant all the same
        if (Arrays.asList(values).contains(null)) {
            throw new DataFormatException(source + ": keys are not exactly 0.." + (values.length - 1));
        }
        return values;
    }

    private static JsonNode object(byte[] bytes, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataFormatException(source + (at == null ? "" : " line " + at.getLineNr() + " column "
                    + at.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DataFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(source + ": expected a JSON object at the top level");
        }
        return root;
    }

    // canonical decimal only, so "01" and "+1" are refused rather than read as 1
    private static int parseIndex(String key) {
        if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(Character::isDigit)
                || (key.length() > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        return Integer.parseInt(key);
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() && !item.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
