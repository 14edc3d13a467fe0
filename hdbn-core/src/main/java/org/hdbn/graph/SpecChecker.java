package org.hdbn.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hdbn.text.NearestNames;

/**
 * Walks a spec's JSON beside the records it becomes and names the first field or type that no
 * record has, with the nearest valid names. Jackson binds a record only once every field is read
 * and reports a constructor's complaint ("needs a training section") before a misspelt field
 * ({@code trainng}); this finds the misspelling, which is the cause.
 */
final class SpecChecker {

    /** What an extension author or a user should check when a type is not registered. */
    static final String MISSING_EXTENSION = "a type from an extension needs its jar on the class path "
            + "(hdbn --plugin JAR, or HDBN_CLASSPATH)";

    private final SpecMapper mapper;

    SpecChecker(SpecMapper mapper) {
        this.mapper = mapper;
    }

    /** Throws a {@link SpecException} naming the path of the first unknown field or type. */
    void check(String source, JsonNode json, Type type) {
        walk(source, json, type, "");
    }

    private void walk(String source, JsonNode json, Type type, String path) {
        if (json == null || json.isNull()) {
            return;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) && json.isArray()) {
                for (int i = 0; i < json.size(); i++) {
                    walk(source, json.get(i), args[0], join(path, String.valueOf(i)));
                }
            } else if (Map.class.isAssignableFrom(raw) && json.isObject()) {
                for (Map.Entry<String, JsonNode> e : json.properties()) {
                    walk(source, e.getValue(), args[1], join(path, e.getKey()));
                }
            }
            return;
        }
        if (!(type instanceof Class<?> c) || !json.isObject()) {
            return;
        }
        if (c.isAnnotationPresent(JsonTypeInfo.class)) {
            JsonNode typeName = json.get("type");
            if (typeName == null || !typeName.isTextual()) {
                return;
            }
            mapper.retiredAdvice(c, typeName.asText(), null).ifPresent(advice -> {
                throw new SpecException(source + where(path) + ": " + c.getSimpleName() + " type '" + typeName.asText()
                        + "' was retired; " + advice);
            });
            Class<?> concrete = mapper.typeClass(c, typeName.asText()).orElseThrow(() -> new SpecException(
                    source + where(path) + ": unknown " + c.getSimpleName() + " type '" + typeName.asText() + "'"
                            + NearestNames.didYouMean(typeName.asText(), mapper.typeNames(c)) + "; registered: "
                            + mapper.typeNames(c) + "; " + MISSING_EXTENSION));
            checkRecord(source, json, concrete, path, typeName.asText());
        } else if (c.isRecord()) {
            checkRecord(source, json, c, path, c.getSimpleName());
        }
    }

    private void checkRecord(String source, JsonNode json, Class<?> record, String path, String what) {
        if (!record.isRecord()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            names.add(jsonName(rc));
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!names.contains(field) && !(field.equals("type") && typed(record))) {
                mapper.retiredFieldAdvice(record, field).ifPresent(advice -> {
                    throw new SpecException(source + where(path) + ": field '" + field + "' of " + what + " was retired; "
                            + advice);
                });
                throw new SpecException(source + where(path) + ": unknown field '" + field + "' of " + what
                        + NearestNames.didYouMean(field, names) + "; its fields: " + names);
            }
        }
        for (RecordComponent rc : record.getRecordComponents()) {
            String name = jsonName(rc);
            walk(source, json.get(name), rc.getGenericType(), join(path, name));
        }
    }

    /** Whether the class implements a polymorphic spec base, whose {@code type} field names it. */
    private static boolean typed(Class<?> c) {
        for (Class<?> i : c.getInterfaces()) {
            if (i.isAnnotationPresent(JsonTypeInfo.class) || typed(i)) {
                return true;
            }
        }
        return c.getSuperclass() != null && typed(c.getSuperclass());
    }

    /** The component's name in JSON: its {@code @JsonProperty} if renamed. */
    static String jsonName(RecordComponent rc) {
        JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : rc.getName();
    }

    private static String join(String path, String part) {
        return path.isEmpty() ? part : path + "." + part;
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : " (at " + path + ")";
    }
}
