package org.hdbn.graph;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.hdbn.text.NearestNames;

/**
 * Reads and writes specs as JSON with every spec type registered through
 * {@link SpecTypeProvider}s on the class path. Unknown types and unknown fields are refused with
 * the location in the file and the list of known types.
 */
public final class SpecMapper {

    private final ObjectMapper mapper;
    private final List<SpecTypeProvider.SpecType> types = new ArrayList<>();
    private final List<SpecTypeProvider.Retired> retired = new ArrayList<>();

    /** A mapper with the spec types of every provider found by {@link ServiceLoader}. */
    public SpecMapper() {
        this(ServiceLoader.load(SpecTypeProvider.class));
    }

    public SpecMapper(Iterable<SpecTypeProvider> providers) {
        mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (SpecTypeProvider p : providers) {
            for (SpecTypeProvider.SpecType t : p.specTypes()) {
                java.util.Optional<Class<?>> other = typeClass(t.base(), t.name());
                if (other.isPresent() && other.get() != t.type()) {
                    throw new SpecException(t.base().getSimpleName() + " type '" + t.name() + "' is registered twice: by "
                            + other.get().getName() + " and by " + t.type().getName());
                }
                if (other.isPresent()) {
                    continue;
                }
                types.add(t);
                mapper.registerSubtypes(new NamedType(t.type(), t.name()));
            }
            retired.addAll(p.retired());
        }
    }

    /** What to write instead of a retired type (field null) or a retired field of a type, if it is one. */
    java.util.Optional<String> retiredAdvice(Class<?> base, String type, String field) {
        return retired.stream().filter(r -> r.base() == base && r.type().equals(type)
                && java.util.Objects.equals(r.field(), field)).map(SpecTypeProvider.Retired::advice).findFirst();
    }

    /** As {@link #retiredAdvice(Class, String, String)} for a field of the registered class {@code type}. */
    java.util.Optional<String> retiredFieldAdvice(Class<?> type, String field) {
        return types.stream().filter(t -> t.type() == type).findFirst()
                .flatMap(t -> retiredAdvice(t.base(), t.name(), field));
    }

    /** The registered types (base, name, class). */
    public List<SpecTypeProvider.SpecType> types() {
        return List.copyOf(types);
    }

    /** Type names registered for a base, sorted. */
    public TreeSet<String> typeNames(Class<?> base) {
        TreeSet<String> names = new TreeSet<>();
        for (SpecTypeProvider.SpecType t : types) {
            if (t.base() == base) {
                names.add(t.name());
            }
        }
        return names;
    }

    /** The class registered under a type name for a base, if any. */
    public java.util.Optional<Class<?>> typeClass(Class<?> base, String name) {
        return types.stream().filter(t -> t.base() == base && t.name().equals(name))
                .<Class<?>>map(SpecTypeProvider.SpecType::type).findFirst();
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    public GraphSpec readGraph(Path file) {
        return read(file, GraphSpec.class);
    }

    /** Reads a JSON file as the given type; errors name the file, the line and what is wrong. */
    public <T> T read(Path file, Class<T> type) {
        try {
            return read(file.toString(), Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw describe(file.toString(), e);
        }
    }

    /** Reads JSON text (e.g. a resource) as the given type; {@code source} names it in errors. */
    public <T> T read(String source, InputStream in, Class<T> type) {
        try {
            return read(source, in.readAllBytes(), type);
        } catch (IOException e) {
            throw describe(source, e);
        }
    }

    private <T> T read(String source, byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw explain(source, e, () -> mapper.readTree(json), type);
        }
    }

    /** Parses a JSON file as a tree (to merge or inspect before binding); errors name the file and line. */
    public JsonNode readTree(Path file) {
        try {
            return mapper.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw describe(file.toString(), e);
        }
    }

    /** Binds a JSON tree as the given type; {@code source} names it in errors. */
    public <T> T fromTree(String source, JsonNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (IOException e) {
            throw explain(source, e, () -> tree, type);
        }
    }

    /**
     * The error for a failed read: a misspelt field or an unknown type found by walking the tree
     * comes first (a record's constructor may have complained about the field it misses before
     * Jackson saw the misspelling); otherwise Jackson's error made readable.
     */
    private SpecException explain(String source, IOException e, TreeSource tree, Class<?> type) {
        // Jackson's own unknown-type and unknown-field errors carry the line: they are described as they are
        if (!(e instanceof com.fasterxml.jackson.core.JsonParseException) && !(e instanceof InvalidTypeIdException)
                && !(e instanceof UnrecognizedPropertyException)) {
            try {
                new SpecChecker(this).check(source, tree.get(), type);
            } catch (SpecException found) {
                return new SpecException(found.getMessage(), e);
            } catch (IOException | RuntimeException ignored) {
                // the tree cannot be walked (e.g. malformed JSON): Jackson's own message says why
            }
        }
        return describe(source, e);
    }

    @FunctionalInterface
    private interface TreeSource {
        JsonNode get() throws IOException;
    }

    public String write(Object spec) {
        try {
            return mapper.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new SpecException("cannot write spec: " + e.getOriginalMessage(), e);
        }
    }

    private SpecException describe(String source, IOException e) {
        if (e instanceof InvalidTypeIdException t) {
            Class<?> base = t.getBaseType() == null ? Object.class : t.getBaseType().getRawClass();
            java.util.Optional<String> advice = retiredAdvice(base, String.valueOf(t.getTypeId()), null);
            if (advice.isPresent()) {
                return new SpecException(source + at(t.getLocation()) + path(t) + ": " + base.getSimpleName() + " type '"
                        + t.getTypeId() + "' was retired; " + advice.get(), e);
            }
            return new SpecException(source + at(t.getLocation()) + path(t) + ": unknown " + base.getSimpleName()
                    + " type '" + t.getTypeId() + "'" + NearestNames.didYouMean(String.valueOf(t.getTypeId()),
                    typeNames(base)) + "; registered: " + typeNames(base) + "; " + SpecChecker.MISSING_EXTENSION, e);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            java.util.Optional<String> advice = retiredFieldAdvice(u.getReferringClass(), u.getPropertyName());
            if (advice.isPresent()) {
                return new SpecException(source + at(u.getLocation()) + path(u) + ": field '" + u.getPropertyName()
                        + "' of " + u.getReferringClass().getSimpleName() + " was retired; " + advice.get(), e);
            }
            java.util.List<String> known = u.getKnownPropertyIds() == null ? java.util.List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new SpecException(source + at(u.getLocation()) + path(u) + ": unknown field '" + u.getPropertyName()
                    + "' of " + u.getReferringClass().getSimpleName() + NearestNames.didYouMean(u.getPropertyName(), known)
                    + "; its fields: " + known, e);
        }
        if (e instanceof JsonProcessingException j) {
            Throwable root = j;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String what = root instanceof SpecException || root instanceof IllegalArgumentException
                    ? root.getMessage() : j.getOriginalMessage();
            if (what != null && what.startsWith("Cannot map `null` into type")) {
                what = "a required number is missing";
            }
            return new SpecException(source + at(j.getLocation()) + path(j) + ": " + what, e);
        }
        return new SpecException(source + ": cannot read: " + e.getMessage(), e);
    }

    /** Where in the document the problem is, as {@code (at nodes.user_emb.dim)}. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
            String part = r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex());
            sb.append(sb.length() == 0 ? "" : ".").append(part);
        }
        return " (at " + sb + ")";
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr();
    }
}
