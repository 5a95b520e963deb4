package org.evenhand.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strikes place names (CLPs, regions) from free text: whole words, any case, accents ignored, and
 * however the words of the name are run together or separated ("Cardiff North", "cardiff-north",
 * "CardiffNorth", "#cardiffnorth", "cardiff_north"), the longest name first; and each distinctive word
 * of a name on its own ("Cardiff", "Leeds", "Humber": not "North", "Central", "and", the {@link #GENERIC}
 * words), since "the Leeds branch" places a member as surely as "Leeds Central". Built once from every
 * name known (hundreds) and then shared: the text is cut into words and each run of up to as many
 * words as the longest name is looked up in a set, so the cost does not grow with the number of names.
 */
public final class PlaceRedaction {

    public static final String MARKER = "[place]";
    /** What may stand between two words of one name: a space, a dot, a dash, an underscore, a comma... */
    static final int MAX_GAP = 3;
    /** Words of place names that place no one on their own. */
    static final Set<String> GENERIC = Set.of("north", "south", "east", "west", "northeast", "northwest", "southeast",
            "southwest", "central", "mid", "upper", "lower", "inner", "outer", "city", "town", "county", "borough",
            "district", "and", "the", "of", "on", "upon", "under", "with", "in", "by", "new", "old", "great", "little",
            "greater", "royal", "saint", "st", "vale", "valley", "coast", "island", "islands", "hills", "park", "forest",
            "heath", "green", "bridge", "port", "castle", "rural", "urban", "ward", "branch", "constituency", "region");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private final Set<String> keys = new HashSet<>();
    private final int longest;

    public PlaceRedaction(Collection<String> names) {
        int most = 0;
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            List<String> words = words(name);
            if (!words.isEmpty()) {
                keys.add(String.join("", words));
                words.stream().filter(w -> w.length() >= 3 && !GENERIC.contains(w)).forEach(keys::add);
                most = Math.max(most, words.size());
            }
        }
        longest = most;
    }

    public int size() {
        return keys.size();
    }

    public String apply(String text) {
        if (text == null || keys.isEmpty()) {
            return text;
        }
        List<int[]> spans = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            spans.add(new int[] { m.start(), m.end() });
            plain.add(Handles.plain(m.group()));
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int i = 0; i < spans.size(); i++) {
            int match = -1;
            StringBuilder key = new StringBuilder();
            for (int j = i; j < spans.size() && j < i + longest; j++) {
                if (j > i && !shortGap(text, spans.get(j - 1)[1], spans.get(j)[0])) {
                    break;
                }
                key.append(plain.get(j));
                if (keys.contains(key.toString())) {
                    match = j;
                }
            }
            if (match >= 0) {
                out.append(text, copied, spans.get(i)[0]).append(MARKER);
                copied = spans.get(match)[1];
                i = match;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean shortGap(String text, int from, int to) {
        return to - from <= MAX_GAP && text.substring(from, to).chars().noneMatch(c -> c == '\n' || c == '\r');
    }

    /** The words of a name as they are compared: letters and digits, lower case, without accents. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(name);
        while (m.find()) {
            String w = Handles.plain(m.group());
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
