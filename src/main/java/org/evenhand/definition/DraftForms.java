package org.evenhand.definition;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.evenhand.web.Form;

/**
 * How the draft's page forms are read into a draft's content and filled from it: a list is a text
 * area with one entry a line, numbers are read as typed (one that is not a number breaks the rule
 * for its field, so the rule's words say what is wanted), and a refusal of the whole content is put
 * next to the field of the form that holds it, or at the top of the page ("draft").
 */
final class DraftForms {

    /** The field of the summary a refusal of the content goes to when the form holds no field for it. */
    static final String DRAFT = "draft";

    private DraftForms() {
    }

    /** The save of the draft the form was filled from, or null when the form does not say. */
    static Long revision(Form form) {
        try {
            return form.text("revision") == null ? null : Long.valueOf(form.text("revision"));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** The lines of a text area, each stripped, empty ones left out. */
    static List<String> lines(Form form, String name) {
        return Arrays.stream(form.value(name).split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A text area's text with the browser's line endings made plain. */
    static String text(Form form, String name) {
        String t = form.text(name);
        return t == null ? null : t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A whole number as typed; {@code invalid} when empty or not a number (the content's rule then refuses it). */
    static int number(Form form, String name, int invalid) {
        try {
            return form.text(name) == null ? invalid : Integer.parseInt(form.text(name));
        } catch (NumberFormatException e) {
            return invalid;
        }
    }

    /** Months, or null when left empty; 0 (which the rule refuses) when not a number. */
    static Integer months(Form form, String name) {
        return form.text(name) == null ? null : number(form, name, 0);
    }

    static String joined(List<String> lines) {
        return lines == null ? "" : String.join("\n", lines);
    }

    /**
     * Puts each refusal of the content next to the form's field that {@code fieldOf} names for its
     * path ("clauses[3].title" → "title"), or at the top when the form has none.
     */
    static Form reject(Form form, ConstraintViolationException e, Function<String, String> fieldOf) {
        List<ConstraintViolation<?>> all = new ArrayList<>(e.getConstraintViolations());
        all.sort((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()));
        for (ConstraintViolation<?> v : all) {
            String path = Form.fieldOf(v.getPropertyPath().toString());
            String field = fieldOf.apply(path);
            form.error(field == null ? DRAFT : field, v.getMessage());
        }
        return form;
    }

    /** The path's property if it is within entry {@code index} of {@code list} ("clauses[2].tier" → "tier"), else null. */
    static String within(String path, String list, int index) {
        String prefix = list + "[" + index + "].";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : null;
    }
}
