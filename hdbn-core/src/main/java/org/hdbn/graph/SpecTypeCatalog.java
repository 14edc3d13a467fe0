package org.hdbn.graph;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every registered spec type looks like, for {@code hdbn types} and for extension authors:
 * its name, the base it implements, its one-line meaning (the class's
 * {@link JsonClassDescription}) and its fields with their defaults.
 *
 * <p>The defaults are not written down twice: they are what the record's constructor fills in
 * for an absent field. The catalog builds each record with every field absent, giving the fewest
 * required fields a placeholder value until the constructor accepts it, and reads the result.
 */
public final class SpecTypeCatalog {

    /** One field: its JSON name, its Java type, and its default as JSON (null when required or absent). */
    public record Field(String name, String type, boolean required, String defaultJson) {
    }

    /** One registered type. */
    public record Entry(String base, String name, String className, String description, List<Field> fields) {
    }

    private final SpecMapper mapper;

    public SpecTypeCatalog(SpecMapper mapper) {
        this.mapper = mapper;
    }

    /** Every registered type, by base then name. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (SpecTypeProvider.SpecType t : mapper.types()) {
            JsonClassDescription d = t.type().getAnnotation(JsonClassDescription.class);
            out.add(new Entry(t.base().getSimpleName(), t.name(), t.type().getName(), d == null ? "" : d.value(),
                    fields(t.type())));
        }
        out.sort(Comparator.comparing(Entry::base).thenComparing(Entry::name));
        return out;
    }

    private List<Field> fields(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        RecordComponent[] rcs = type.getRecordComponents();
        Object[] args = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            args[i] = absent(rcs[i].getType());
        }
        Set<Integer> filled = new HashSet<>();
        Object built = construct(type, rcs, args);
        for (int i = 0; i < rcs.length && built == null; i++) {
            Object sample = placeholder(rcs[i].getGenericType());
            if (sample != null) {
                args[i] = sample;
                filled.add(i);
                built = construct(type, rcs, args);
            }
        }
        // keep only the placeholders the constructor cannot do without
        for (Integer i : new ArrayList<>(filled)) {
            Object kept = args[i];
            args[i] = absent(rcs[i].getType());
            Object without = construct(type, rcs, args);
            if (without != null && built != null) {
                filled.remove(i);
                built = without;
            } else {
                args[i] = kept;
            }
        }
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < rcs.length; i++) {
            boolean required = built != null && filled.contains(i);
            String value = built == null || required ? null : defaultJson(rcs[i], built);
            out.add(new Field(SpecChecker.jsonName(rcs[i]), simpleName(rcs[i].getGenericType()), required, value));
        }
        return out;
    }

    private String defaultJson(RecordComponent rc, Object built) {
        try {
            Object v = rc.getAccessor().invoke(built);
            return v == null ? null : mapper.objectMapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(v);
        } catch (ReflectiveOperationException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] rcs, Object[] args) {
        try {
            Class<?>[] types = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
            }
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // the constructor refused these values
        }
    }

    /** The value an absent JSON field binds to. */
    private static Object absent(Class<?> c) {
        if (c == boolean.class) {
            return false;
        }
        if (c == int.class) {
            return 0;
        }
        if (c == long.class) {
            return 0L;
        }
        if (c == double.class) {
            return 0.0;
        }
        return null;
    }

    /**
     * A plausible value for a required field, or null when none can be made up. A polymorphic
     * field (a block, a prior) gets the first registered type of its base that needs no fields.
     */
    private Object placeholder(Type t) {
        Class<?> c = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : t instanceof Class<?> k ? k : null;
        if (c == null) {
            return null;
        }
        if (c == String.class) {
            return "x";
        }
        if (c == int.class || c == Integer.class) {
            return 1;
        }
        if (c == long.class || c == Long.class) {
            return 1L;
        }
        if (c == double.class || c == Double.class) {
            return 0.5;
        }
        if (c == Dim.class) {
            return Dim.of(1);
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(c) && t instanceof ParameterizedType p) {
            Object element = placeholder(p.getActualTypeArguments()[0]);
            return element == null ? null : List.of(element);
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.of();
        }
        if (c.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonTypeInfo.class)) {
            for (SpecTypeProvider.SpecType st : mapper.types()) {
                if (st.base() == c && st.type().isRecord() && st.type() != c) {
                    RecordComponent[] rcs = st.type().getRecordComponents();
                    Object[] args = new Object[rcs.length];
                    for (int i = 0; i < rcs.length; i++) {
                        args[i] = absent(rcs[i].getType());
                    }
                    Object built = construct(st.type(), rcs, args);
                    if (built != null) {
                        return built;
                    }
                }
            }
        }
        return null;
    }

    /** {@code java.util.List<java.lang.String>} as {@code List<String>}. */
    private static String simpleName(Type t) {
        return t.getTypeName().replaceAll("[a-zA-Z0-9_$]+\\.", "");
    }
}
