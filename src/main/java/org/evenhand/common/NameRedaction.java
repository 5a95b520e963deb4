package org.evenhand.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strikes a person's identifiers from free text: their full name, each part of it of three
 * letters or more, the handles their name suggests (Handles: "@janedoe", "jane_doe", "jdoe", with
 * any digits after, as in links), and any other identifiers given (membership number, login,
 * email), whole words only, case-insensitively, longest first.
 */
public final class NameRedaction {

    private final List<Pattern> patterns = new ArrayList<>();
    private final String replacement;

    /** @param name the person's name; {@code null} redacts nothing */
    public NameRedaction(String name, List<String> identifiers, String replacement) {
        this.replacement = Matcher.quoteReplacement(replacement);
        if (name == null) {
            return;
        }
        record Term(int length, Pattern pattern) {
        }
        List<Term> terms = new ArrayList<>();
        List<String> words = new ArrayList<>();
        words.add(name);
        for (String part : name.split("\\s+")) {
            if (part.length() >= 3) {
                words.add(part);
            }
        }
        identifiers.stream().filter(t -> t != null && !t.isBlank()).forEach(words::add);
        for (String t : words) {
            terms.add(new Term(t.length(), Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(t)
                    + "(?![\\p{L}\\p{N}])")));
        }
        for (String h : Handles.of(name)) {
            // "@jane_doe", "janedoe1987": an at sign before a handle and digits after it are part of it
            terms.add(new Term(h.length() + 1, Pattern.compile("(?i)(?<![\\p{L}\\p{N}@])@?" + Pattern.quote(h)
                    + "\\d*(?![\\p{L}\\p{N}])")));
        }
        terms.sort(Comparator.comparingInt(Term::length).reversed());
        terms.forEach(t -> patterns.add(t.pattern()));
    }

    /** Strikes these identifiers only (a membership number, an email), whole words, case-insensitively. */
    public static NameRedaction identifiers(List<String> identifiers, String replacement) {
        List<String> given = identifiers.stream().filter(t -> t != null && !t.isBlank()).toList();
        return given.isEmpty() ? new NameRedaction(null, List.of(), replacement)
                : new NameRedaction(given.get(0), given.subList(1, given.size()), replacement, false);
    }

    private NameRedaction(String first, List<String> others, String replacement, boolean parts) {
        this.replacement = Matcher.quoteReplacement(replacement);
        List<String> terms = new ArrayList<>(others);
        terms.add(first);
        terms.sort((a, b) -> b.length() - a.length());
        for (String t : terms) {
            patterns.add(Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + "(?![\\p{L}\\p{N}])"));
        }
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern p : patterns) {
            out = p.matcher(out).replaceAll(replacement);
        }
        return out;
    }
}
