package org.evenhand.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-by-word comparison of two short texts (a clause test, a description), for showing
 * what changed between versions with deletions and insertions marked.
 */
public final class WordDiff {

    public enum Kind {
        SAME, REMOVED, ADDED
    }

    /** A run of text that is the same in both, only in the old text, or only in the new. */
    public record Segment(Kind kind, String text) {

        public boolean same() {
            return kind == Kind.SAME;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }

        public boolean added() {
            return kind == Kind.ADDED;
        }
    }

    private WordDiff() {
    }

    public static List<Segment> between(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        // words are compared without their spacing, so the last word of a text matches itself
        List<String> ka = a.stream().map(String::strip).toList();
        List<String> kb = b.stream().map(String::strip).toList();
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = ka.get(i).equals(kb.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && ka.get(i).equals(kb.get(j))) {
                append(out, Kind.SAME, b.get(j));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                append(out, Kind.ADDED, b.get(j));
                j++;
            } else {
                append(out, Kind.REMOVED, a.get(i));
                i++;
            }
        }
        return tidy(out);
    }

    /** Words with their trailing spaces, so that joining the tokens gives back the text. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        int k = 0;
        while (k < text.length()) {
            while (k < text.length() && !Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            tokens.add(text.substring(start, k));
            start = k;
        }
        return tokens;
    }

    private static void append(List<Segment> out, Kind kind, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }

    /**
     * Puts each removal before the insertion that replaces it, and folds a lone shared word
     * between two changes into them, so a rewritten sentence reads as one replacement.
     */
    private static List<Segment> tidy(List<Segment> segments) {
        List<Segment> merged = new ArrayList<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            boolean shortBridge = s.same() && s.text().strip().split("\\s+").length <= 1
                    && (removed.length() > 0 || added.length() > 0) && k + 1 < segments.size();
            if (s.removed() || shortBridge) {
                removed.append(s.text());
            }
            if (s.added() || shortBridge) {
                added.append(s.text());
            }
            if (s.same() && !shortBridge) {
                flush(merged, removed, added);
                merged.add(s);
            }
        }
        flush(merged, removed, added);
        List<Segment> joined = new ArrayList<>();
        for (Segment s : merged) {
            append(joined, s.kind(), s.text());
        }
        return joined;
    }

    /**
     * Emits the pending removal and insertion with their trailing spaces moved outside them,
     * so that "24 " replaced by "18 " reads as [24] [18] and not as [24 ][18 ].
     */
    private static void flush(List<Segment> out, StringBuilder removed, StringBuilder added) {
        String rem = removed.toString();
        String add = added.toString();
        removed.setLength(0);
        added.setLength(0);
        if (rem.isEmpty() && add.isEmpty()) {
            return;
        }
        String trailing = trailingSpace(add.isEmpty() ? rem : add);
        rem = rem.stripTrailing();
        add = add.stripTrailing();
        if (!rem.isEmpty()) {
            out.add(new Segment(Kind.REMOVED, rem));
        }
        if (!rem.isEmpty() && !add.isEmpty()) {
            out.add(new Segment(Kind.SAME, " "));
        }
        if (!add.isEmpty()) {
            out.add(new Segment(Kind.ADDED, add));
        }
        if (!trailing.isEmpty()) {
            out.add(new Segment(Kind.SAME, trailing));
        }
    }

    private static String trailingSpace(String s) {
        return s.substring(s.stripTrailing().length());
    }
}
