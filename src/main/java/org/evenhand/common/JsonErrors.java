package org.evenhand.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON body, said so that a client developer can act on it: the field and what
 * it must be ("'inScope' must be true or false"), never the parser's own message or a Java class name.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The field (may be empty for the body as a whole) and the detail. */
    public record Described(String field, String detail) {

        public List<Problem.FieldError> errors() {
            return field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, detail));
        }
    }

    public static Described describe(Throwable e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", "));
            return new Described(u.getPropertyName(), "unknown field '" + u.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : "; the fields are: " + known));
        }
        if (e instanceof MismatchedInputException m) {
            String field = fieldPath(m);
            String what = field.isEmpty() ? "the body" : "'" + field + "'";
            if (m instanceof InvalidFormatException f && f.getValue() != null) {
                return new Described(field, what + " must be " + expected(m.getTargetType()) + ", not "
                        + abbreviate(String.valueOf(f.getValue())));
            }
            if (m.getTargetType() == null) {
                return new Described(field, what + " is not valid JSON of the expected shape");
            }
            return new Described(field, what + " must be " + expected(m.getTargetType()));
        }
        if (e instanceof JsonProcessingException p && p.getLocation() != null && p.getLocation().getLineNr() > 0) {
            return new Described("", "the body is not valid JSON (near line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + ")");
        }
        return new Described("", "the body is not valid JSON");
    }

    /** The kind of value a type takes, in JSON's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(JsonErrors::wireName)
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (a JSON array)";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date and time in ISO 8601";
        }
        return "an object (a JSON object with its fields)";
    }

    /** An enum constant as JSON has it: its @JsonValue / toString when the enum declares one. */
    private static String wireName(Object constant) {
        Enum<?> e = (Enum<?>) constant;
        try {
            com.fasterxml.jackson.annotation.JsonProperty p = e.getDeclaringClass().getField(e.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return "'" + (p != null && !p.value().isEmpty() ? p.value() : e.name()) + "'";
        } catch (NoSuchFieldException x) {
            return "'" + e.name() + "'";
        }
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? "'" + s.substring(0, 40) + "…'" : "'" + s + "'";
    }
}
