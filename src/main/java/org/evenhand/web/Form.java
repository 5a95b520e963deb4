package org.evenhand.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the person typed into a form and what is wrong with it, so that a refused form comes back
 * with every value kept and each message next to its field (and listed in a summary at the top).
 */
public final class Form {

    public record FieldError(String field, String message) {

        /** The id of the input the summary links to. */
        public String anchor() {
            return id(field);
        }
    }

    /** The id of a field's input: its name with anything but letters, digits, '-' and '_' made '-' ("evidence.text" → "evidence-text"). */
    public static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** {@link #id(String)} for templates: the id of the input named {@code name} (its message's id adds "-error"). */
    public String inputId(String name) {
        return id(name);
    }

    /**
     * The form field a constraint violation's property path names: the path itself, without the
     * validator's container-element nodes or a trailing index ("clauses[2].&lt;list element&gt;" → "clauses",
     * "evidence.text" stays, "lawfulBases[0].reason" stays).
     */
    public static String fieldOf(String path) {
        String p = path.replace(".<list element>", "").replace(".<map value>", "").replace(".<iterable element>", "");
        return p.replaceAll("\\[\\d*]$", "");
    }

    /**
     * Puts each message of a refused command next to the field its path names (forms name their
     * fields after the command's properties, so no page maps names by hand).
     */
    public Form reject(jakarta.validation.ConstraintViolationException e) {
        e.getConstraintViolations().forEach(v -> error(fieldOf(v.getPropertyPath().toString()), sentence(v.getMessage())));
        return this;
    }

    /** The same for a use case's refusal: its field errors by field, or its detail under {@code other}. */
    public Form reject(org.evenhand.common.ProblemException e, String other) {
        var errors = e.toProblem(null).errors();
        if (errors == null || errors.isEmpty()) {
            return error(other, sentence(e.getMessage()));
        }
        errors.forEach(f -> error(fieldOf(f.field()), sentence(f.message())));
        return this;
    }

    /** "must not be blank" → "Must not be blank." */
    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = s.strip();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public static Form empty() {
        return new Form();
    }

    public static Form of(MultivaluedMap<String, String> form) {
        Form f = new Form();
        if (form != null) {
            form.forEach((k, v) -> {
                if (!Csrf.FIELD.equals(k)) {
                    f.values.put(k, v == null ? List.of() : List.copyOf(v));
                }
            });
        }
        return f;
    }

    public Form set(String name, String value) {
        values.put(name, value == null ? List.of() : List.of(value));
        return this;
    }

    public Form setAll(String name, List<String> list) {
        values.put(name, list == null ? List.of() : List.copyOf(list));
        return this;
    }

    /** The value as typed (empty when none); the template escapes it. */
    public String value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    /** The value with surrounding space removed, or null when blank. */
    public String text(String name) {
        String v = value(name).strip();
        return v.isEmpty() ? null : v;
    }

    /** One value of a field, as typed. */
    public record Entry(String name, String value) {
    }

    /** The fields a form's own buttons set, which a check page never sends on: which button, which answer to change. */
    public static final java.util.Set<String> BUTTONS = java.util.Set.of("action", "change");

    /**
     * Every value as typed (blank ones too, nothing trimmed), for a check page that sends them on as
     * hidden fields when the person confirms or goes back to change something; the buttons' own fields
     * are left out.
     */
    public List<Entry> getResent() {
        List<Entry> out = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!BUTTONS.contains(k)) {
                v.stream().filter(x -> x != null).forEach(x -> out.add(new Entry(k, x)));
            }
        });
        return out;
    }

    /** The field whose answer the person asked to change from a check page, or null. */
    public String changing() {
        return text("change");
    }

    public List<String> values(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** Whether a checkbox or radio with this value was ticked. */
    public boolean has(String name, String value) {
        return values(name).contains(value);
    }

    public boolean ticked(String name) {
        return !values(name).isEmpty();
    }

    /** The answer to a yes-or-no question (radios valued "yes" and "no"): null when neither was chosen. */
    public Boolean yesNo(String name) {
        String v = text(name);
        return "yes".equals(v) ? Boolean.TRUE : "no".equals(v) ? Boolean.FALSE : null;
    }

    /** Records a problem with a field; the first message for a field is the one shown. */
    public Form error(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errorList() {
        List<FieldError> list = new ArrayList<>();
        errors.forEach((k, v) -> list.add(new FieldError(k, v)));
        return list;
    }
}
