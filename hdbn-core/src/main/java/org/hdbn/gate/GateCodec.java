package org.hdbn.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes and reads one gate type in the saved JSON form of {@link Gates}. The built-in types are
 * {@code centroid}, {@code fixed} and {@code single}; a new gate type ships a codec and registers
 * it through {@link java.util.ServiceLoader} ({@code META-INF/services/org.hdbn.gate.GateCodec}).
 */
public interface GateCodec {

    /** The value of the {@code type} field, unique among codecs. */
    String type();

    /** The exact gate class this codec writes. */
    Class<? extends Gate> gateClass();

    /** Adds the gate's fields to {@code out}, which already holds format, version and type. */
    void write(Gate gate, ObjectNode out);

    /**
     * Rebuilds a gate from the object written by {@link #write}.
     *
     * @throws GateFormatException or IllegalArgumentException naming the offending field; the
     *     caller adds the file name
     */
    Gate read(JsonNode in);
}
