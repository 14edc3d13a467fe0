package org.hdbn.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** Reads typed fields of a JSON object, with errors naming the field and element. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode required(JsonNode obj, String field) {
        JsonNode node = obj.get(field);
        if (node == null || node.isMissingNode()) {
            throw new GateFormatException("field '" + field + "' is missing");
        }
        return node;
    }

    static String text(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (!node.isTextual()) {
            throw new GateFormatException("field '" + field + "': expected a string, got " + node);
        }
        return node.textValue();
    }

    static int integer(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new GateFormatException("field '" + field + "': expected an integer, got " + node);
        }
        return node.intValue();
    }

    static int[] intArray(JsonNode obj, String field) {
        JsonNode node = array(obj, field);
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new GateFormatException("field '" + field + "': element " + i + " is " + v
                        + ", expected an integer");
            }
            out[i] = v.intValue();
        }
        return out;
    }

    /** A matrix of numbers; with {@code allowNullRows} a row may be JSON null. */
    static double[][] matrix(JsonNode obj, String field, boolean allowNullRows) {
        JsonNode node = array(obj, field);
        double[][] out = new double[node.size()][];
        for (int r = 0; r < out.length; r++) {
            JsonNode row = node.get(r);
            if (row.isNull() && allowNullRows) {
                continue;
            }
            if (!row.isArray()) {
                throw new GateFormatException("field '" + field + "': row " + r + " is " + row
                        + ", expected an array of numbers");
            }
            out[r] = new double[row.size()];
            for (int c = 0; c < out[r].length; c++) {
                JsonNode v = row.get(c);
                if (!v.isNumber()) {
                    throw new GateFormatException("field '" + field + "': row " + r + ", element "
                            + c + " is " + v + ", expected a number");
                }
                out[r][c] = v.doubleValue();
            }
        }
        return out;
    }

    /** An object of string values; an absent field reads as an empty map. */
    static Map<String, String> stringMap(JsonNode obj, String field) {
        Map<String, String> out = new TreeMap<>();
        JsonNode node = obj.get(field);
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw new GateFormatException("field '" + field + "': expected an object, got " + node);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new GateFormatException("field '" + field + "': entry '" + e.getKey()
                        + "' is " + e.getValue() + ", expected a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    static void putIntArray(ObjectNode out, String field, int[] values) {
        ArrayNode a = out.putArray(field);
        for (int v : values) {
            a.add(v);
        }
    }

    static void putMatrix(ObjectNode out, String field, double[][] m) {
        ArrayNode a = out.putArray(field);
        for (double[] row : m) {
            if (row == null) {
                a.addNull();
                continue;
            }
            ArrayNode r = a.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
    }

    private static JsonNode array(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (!node.isArray()) {
            throw new GateFormatException("field '" + field + "': expected an array, got "
                    + node.getNodeType());
        }
        return node;
    }
}
