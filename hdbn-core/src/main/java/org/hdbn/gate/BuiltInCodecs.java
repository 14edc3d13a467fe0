package org.hdbn.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The codecs of the gate types defined in core. */
final class BuiltInCodecs {

    private BuiltInCodecs() {
    }

    static List<GateCodec> all() {
        return List.of(new Centroid(), new Fixed(), new Single());
    }

    /** {@code {"type":"centroid","centroids":[[..],..],"assignments":[..],"provenance":{..}}}. */
    static final class Centroid implements GateCodec {
        @Override
        public String type() {
            return "centroid";
        }

        @Override
        public Class<? extends Gate> gateClass() {
            return CentroidGate.class;
        }

        @Override
        public void write(Gate gate, ObjectNode out) {
            CentroidGate g = (CentroidGate) gate;
            ObjectNode provenance = out.putObject("provenance");
            g.provenance().forEach(provenance::put);
            JsonFields.putMatrix(out, "centroids", g.centroids());
            JsonFields.putIntArray(out, "assignments", g.assignments());
        }

        @Override
        public Gate read(JsonNode in) {
            return new CentroidGate(JsonFields.matrix(in, "centroids", false),
                    JsonFields.intArray(in, "assignments"), JsonFields.stringMap(in, "provenance"));
        }
    }

    /** {@code {"type":"fixed","numGroups":k,"centroids":null or [[..],null,..],"assignments":[..]}}. */
    static final class Fixed implements GateCodec {
        @Override
        public String type() {
            return "fixed";
        }

        @Override
        public Class<? extends Gate> gateClass() {
            return FixedGate.class;
        }

        @Override
        public void write(Gate gate, ObjectNode out) {
            FixedGate g = (FixedGate) gate;
            out.put("numGroups", g.numGroups());
            if (g.hasCentroids()) {
                JsonFields.putMatrix(out, "centroids", g.centroids());
            } else {
                out.putNull("centroids");
            }
            JsonFields.putIntArray(out, "assignments", g.assignments());
        }

        @Override
        public Gate read(JsonNode in) {
            double[][] centroids = JsonFields.required(in, "centroids").isNull() ? null
                    : JsonFields.matrix(in, "centroids", true);
            return new FixedGate(JsonFields.intArray(in, "assignments"),
                    JsonFields.integer(in, "numGroups"), centroids);
        }
    }

    /** {@code {"type":"single","numEntities":n}}. */
    static final class Single implements GateCodec {
        @Override
        public String type() {
            return "single";
        }

        @Override
        public Class<? extends Gate> gateClass() {
            return SingleGate.class;
        }

        @Override
        public void write(Gate gate, ObjectNode out) {
            out.put("numEntities", gate.numEntities());
        }

        @Override
        public Gate read(JsonNode in) {
            return new SingleGate(JsonFields.integer(in, "numEntities"));
        }
    }
}
