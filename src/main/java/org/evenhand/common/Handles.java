package org.evenhand.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The social-media handles a person's name suggests, so that a blind reader is not told who they
 * are by "@janedoe" in a link. From "Jane Doe": janedoe, jane.doe, jane_doe, jane-doe, doejane,
 * doe.jane, doe_jane, doe-jane, jdoe, j.doe, j_doe, janed. Letters only, lower case, accents and
 * apostrophes dropped ("Seán O'Brien" gives seanobrien); with middle names, the run of every part
 * too. Handles of fewer than {@link #SHORTEST} letters are left out (they are ordinary words);
 * a one-part name gives no handle (the name itself is struck). How they are matched in text
 * (an "@" before, digits after, any case) is NameRedaction's.
 */
public final class Handles {

    /** The shortest handle struck. */
    public static final int SHORTEST = 4;
    static final List<String> SEPARATORS = List.of("", ".", "_", "-");

    private Handles() {
    }

    public static List<String> of(String name) {
        if (name == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String raw : name.trim().split("[\\s-]+")) {
            String p = plain(raw);
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.size() < 2) {
            return List.of();
        }
        String first = parts.get(0);
        String last = parts.get(parts.size() - 1);
        Set<String> out = new LinkedHashSet<>();
        for (String sep : SEPARATORS) {
            out.add(first + sep + last);
            out.add(last + sep + first);
            out.add(first.charAt(0) + sep + last);
            if (parts.size() > 2) {
                out.add(String.join(sep, parts));
            }
        }
        out.add(first + last.charAt(0));
        return out.stream().filter(h -> h.replaceAll("[._-]", "").length() >= SHORTEST).toList();
    }

    /** A name part as handles write it: letters and digits only, lower case, without accents. */
    static String plain(String part) {
        String decomposed = Normalizer.normalize(part, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }
}
