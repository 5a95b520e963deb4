package org.evenhand.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evenhand.casework.AnonymityGround;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.Party;
import org.evenhand.casework.Payloads;
import org.evenhand.casework.TaskKind;

/**
 * What a member must never read (decision 0036): ISO dates, enum values, codes the system knows (lawful bases,
 * sanctions, grounds, stages and steps, anonymity grounds, timeline kinds), a template's leftover braces, and
 * Qute's marks for something it could not find. {@link #in(String)} lists each one found in a page's text (its
 * markup and attributes left out) or a letter.
 */
public final class RawCodes {

    static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+Z?)?\\b");
    static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b");
    static final Pattern MISSING = Pattern.compile("NOT_FOUND|\\?\\?\\?|\\{|\\}|Property \"|Entry \"|Method \"");

    /** Codes with a hyphen or an inner capital, so that no English word is mistaken for one. */
    static final Set<String> CODES = codes();

    /** Enum constants the system stores (CASE_STATUS, outcomes, parties, grounds...). */
    static final Set<String> ENUMS = Stream.of(CaseFile.Status.values(), CaseFile.Outcome.values(), Party.values(),
            Payloads.AppealGround.values(), AnonymityGround.values(), TaskKind.values())
            .flatMap(Arrays::stream).map(e -> ((Enum<?>) e).name()).filter(n -> n.length() > 2)
            .collect(Collectors.toCollection(TreeSet::new));

    private RawCodes() {
    }

    private static Set<String> codes() {
        Set<String> out = new TreeSet<>(List.of(
                // lawful bases, sanctions, appeal grounds, the audit's "none"
                "art-9-2-d", "art-9-2-e", "legal-claims", "no-action", "advice-training", "formal-warning",
                "referral-expulsion", "procedural-failure", "perverse-finding", "new-evidence", "prefer-not-to-say",
                // clause ids with a hyphen (a clause id alone is a code; its title is the words)
                "violent-threat", "coordinated-pile-on", "hateful-language", "sexual-harassment",
                "dehumanising-language", "false-allegation",
                // timeline kinds and stages in the process's own names
                "no-response", "closed-withdrawn", "to-panel", "report-comment", "appeal-lodged", "back-to-triage",
                "report-disclosed", "name-shared", "evidence-disclosed", "consent-withdrawn", "withdrew-own-part",
                "sanction-lapsed", "suspension-renewed", "suspension-lifted", "in-use", "complaint-withdrawn",
                "part-withdrawn", "en-GB"));
        for (TaskKind k : TaskKind.values()) {
            if (!k.id().equals(k.id().toLowerCase())) {
                out.add(k.id()); // awaitResponse, panelDecision... ("triage" and "investigate" are words)
            }
        }
        return out;
    }

    /** The text a person reads on a page: markup, scripts, styles and attribute values left out, entities read. */
    public static String text(String html) {
        String t = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ");
        t = t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&rsquo;", "\u2019").replace("&ldquo;", "\u201c")
                .replace("&rdquo;", "\u201d").replace("&amp;", "&");
        return t.replaceAll("\\s+", " ").strip();
    }

    /** Every code, date or leftover in this text, with a little of what surrounds it. */
    public static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        find(ISO_DATE, text, "an ISO date", found);
        find(UPPER_SNAKE, text, "an enum value", found);
        find(MISSING, text, "a template leftover", found);
        for (String word : text.split("[^A-Za-z0-9_\\-]+")) {
            String w = word.replaceAll("^-+|-+$", "");
            if (CODES.contains(w)) {
                found.add("a code: " + around(text, w));
            } else if (ENUMS.contains(w)) {
                found.add("an enum value: " + around(text, w));
            }
        }
        return found;
    }

    private static void find(Pattern p, String text, String what, List<String> found) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(what + ": " + around(text, m.group()));
        }
    }

    private static String around(String text, String s) {
        int i = text.indexOf(s);
        return "\u2026" + text.substring(Math.max(0, i - 40), Math.min(text.length(), i + s.length() + 40)) + "\u2026";
    }
}
