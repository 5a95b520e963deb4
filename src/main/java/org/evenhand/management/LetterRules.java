package org.evenhand.management;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.evenhand.common.Problem;

/**
 * What a letter's text may hold (decision 0043), as plain code: a subject of one line (at most 500
 * characters as typed) and a body (at most 20,000), both Qute that parses, using only the placeholders the bundled
 * text of the same kind uses (in any of its languages) and only the sections that choose and repeat
 * ({@code if}, {@code for}, {@code each}, {@code let}, {@code switch}, {@code when}): nothing that could
 * put into a letter what its recipient must not read, or pull in another template.
 */
public final class LetterRules {

    public static final int SUBJECT_MAX = 500;
    public static final int BODY_MAX = 20_000;
    static final Set<String> SECTIONS = Set.of("if", "for", "each", "let", "switch", "when");

    private LetterRules() {
    }

    /** The placeholders a kind of letter may use: every expression of its bundled texts (subject and body). */
    public static Set<String> placeholders(Engine engine, List<String> bundledTexts) {
        Set<String> out = new TreeSet<>();
        for (String text : bundledTexts) {
            for (Expression e : engine.parse(text).getExpressions()) {
                if (!e.isLiteral()) {
                    out.add(e.toOriginalString());
                }
            }
        }
        return out;
    }

    /** What is wrong with a subject and body for a letter whose allowed placeholders are these (empty: nothing). */
    public static List<Problem.FieldError> check(Engine engine, Set<String> allowed, String subject, String body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            errors.add(new Problem.FieldError("subject", "Give the letter a subject"));
        } else if (subject.length() > SUBJECT_MAX) {
            errors.add(new Problem.FieldError("subject", "Keep the subject to " + SUBJECT_MAX + " characters"));
        } else if (subject.strip().contains("\n") || subject.contains("\r")) {
            errors.add(new Problem.FieldError("subject", "Keep the subject to one line"));
        } else {
            text(engine, allowed, "subject", subject, errors);
        }
        if (body == null || body.isBlank()) {
            errors.add(new Problem.FieldError("body", "Write the letter's text"));
        } else if (body.length() > BODY_MAX) {
            errors.add(new Problem.FieldError("body", "Keep the letter to " + String.format("%,d", BODY_MAX)
                    + " characters"));
        } else {
            text(engine, allowed, "body", body, errors);
        }
        return errors;
    }

    private static void text(Engine engine, Set<String> allowed, String field, String text,
            List<Problem.FieldError> errors) {
        Template t;
        try {
            t = engine.parse(text);
        } catch (TemplateException e) {
            errors.add(new Problem.FieldError(field, "The text cannot be read as a template: " + reason(e)));
            return;
        }
        Set<String> sections = new TreeSet<>();
        for (TemplateNode n : t.findNodes(TemplateNode::isSection)) {
            String name = n.asSection().getName();
            if (!SECTIONS.contains(name)) {
                sections.add("{#" + name + "}");
            }
        }
        if (!sections.isEmpty()) {
            errors.add(new Problem.FieldError(field, "A letter may only choose ({#if}) and repeat ({#for}); it may not"
                    + " use " + String.join(", ", sections)));
        }
        Set<String> unknown = new TreeSet<>();
        for (Expression e : t.getExpressions()) {
            if (!e.isLiteral() && !allowed.contains(e.toOriginalString())) {
                unknown.add("{" + e.toOriginalString() + "}");
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new Problem.FieldError(field, "This letter may not use " + String.join(", ", unknown)
                    + ". It may use only: " + String.join(", ", allowed.stream().map(p -> "{" + p + "}").toList())));
        }
    }

    /** A parser's complaint without Qute's internals: its first line. */
    private static String reason(TemplateException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
