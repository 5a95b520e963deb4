package org.evenhand.management;

import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenhand.casework.CaseLabels;
import org.evenhand.casework.LetterTexts;
import org.evenhand.casework.Letters;
import org.evenhand.casework.NoticeTexts;
import org.evenhand.casework.rules.PanelTally;
import org.evenhand.evidence.EvidenceLetterTexts;
import org.evenhand.evidence.EvidenceLetters;

/**
 * The letters the complaints manager may edit (decision 0043): every kind of letter a party or a caseworker is
 * sent, in each language; for each, its bundled text (version 1: the template in templates/letters and the
 * words of its message bundle, English in the bundle's interface, Welsh in messages/<bundle>_cy.properties)
 * and sample data for the preview. The envelope (greeting and signature) is not a letter of its own.
 */
final class LetterCatalogue {

    static final List<String> LOCALES = List.of("en-GB", "cy");

    /** What a letter of each kind is for, in the manager's list. */
    static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        java.util.LinkedHashMap<String, String> k = new java.util.LinkedHashMap<>();
        k.put("acknowledged", "Complaint received (to the complainant)");
        k.put("joined", "Complaint joined to others about the same conduct");
        k.put("dismissed", "Complaint outside the definition");
        k.put("allegation", "Allegation put to the respondent");
        k.put("accepted", "Complaint accepted at triage");
        k.put("nameShared", "Whether the complainant's name is shared");
        k.put("reminder", "Reminder before a window closes");
        k.put("backToTriage", "Evidence withdrawn: back to triage");
        k.put("reportReady", "Investigation report ready for comments");
        k.put("decision", "The panel's decision");
        k.put("appealLodged", "An appeal has been lodged");
        k.put("appealDecision", "The outcome of the appeal");
        k.put("suspended", "Interim suspension imposed");
        k.put("renewed", "Interim suspension renewed");
        k.put("lifted", "Interim suspension lifted");
        k.put("reachedMaximum", "Interim suspension reached its maximum");
        k.put("withdrawn", "Complaint withdrawn");
        k.put("ownPartWithdrawn", "One complainant withdrew their part");
        k.put("sanctionLapsed", "A sanction's term ended");
        k.put("caseworkerMessage", "A caseworker's message");
        k.put("newMessage", "A message waits on the case page");
        k.put("messageForStaff", "A party's message (to the caseworker)");
        k.put("consentWithdrawn", "Consent for evidence withdrawn");
        k.put("evidenceAdded", "Evidence added and disclosed");
        return java.util.Collections.unmodifiableMap(k);
    }

    /** A letter's text: the subject (one line) and the body, Qute with the letter's data as {@code m}. */
    record Text(String subject, String body) {
    }

    private static final Map<String, Class<?>> BUNDLES = Map.of("letter", LetterTexts.class, "notice",
            NoticeTexts.class, "evidenceLetter", EvidenceLetterTexts.class, "labels", CaseLabels.class);
    private static final Pattern CALL = Pattern.compile("\\{(\\w+):(\\w+)(\\(m\\))?}");

    private LetterCatalogue() {
    }

    static boolean known(String kind, String locale) {
        return kind != null && KINDS.containsKey(kind) && LOCALES.contains(locale);
    }

    /** The bundled text (version 1) of a kind of letter in a language (a Welsh word missing: the English). */
    static Text bundled(String kind, String locale) {
        String[] lines = template(kind);
        return new Text(words(lines[0], locale), words(lines[1], locale));
    }

    /** The template's subject line and body line, without its comment. */
    private static String[] template(String kind) {
        try (InputStream in = LetterCatalogue.class.getClassLoader()
                .getResourceAsStream("templates/letters/" + kind + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)\\{!.*?!}\\s*", "")
                    .strip();
            int gap = text.indexOf("\n\n");
            return new String[] {text.substring(0, gap).strip(), text.substring(gap + 2).strip()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of the template: a message ({bundle:key} or {bundle:key(m)}) as its words, else the line itself. */
    private static String words(String line, String locale) {
        Matcher m = CALL.matcher(line);
        if (!m.matches()) {
            return line;
        }
        String bundle = m.group(1), key = m.group(2);
        if (!"en-GB".equals(locale)) {
            String local = properties(bundle, locale).getProperty(key);
            if (local != null) {
                return local.strip();
            }
        }
        for (Method method : BUNDLES.get(bundle).getMethods()) {
            if (method.getName().equals(key) && method.isAnnotationPresent(Message.class)) {
                return method.getAnnotation(Message.class).value().strip();
            }
        }
        throw new IllegalStateException("no words for " + bundle + ":" + key);
    }

    private static Properties properties(String bundle, String locale) {
        Properties p = new Properties();
        try (InputStream in = LetterCatalogue.class.getClassLoader()
                .getResourceAsStream("messages/" + bundle + "_" + locale + ".properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Data for the preview: a letter of the kind as a made-up case would have it (no real member's). */
    static Object sample(String kind) {
        Instant due = Instant.parse("2027-03-12T17:00:00Z");
        Instant then = Instant.parse("2027-01-15T10:00:00Z");
        List<Letters.ClauseLine> clauses = List.of(new Letters.ClauseLine("harassment", "Harassment"),
                new Letters.ClauseLine("bullying", "Bullying"));
        PanelTally.Split split = new PanelTally.Split(true, 2, 3, 3);
        List<Letters.FindingLine> findings = List.of(new Letters.FindingLine("Harassment", true, split),
                new Letters.FindingLine("Bullying", false, null));
        Letters.SanctionWords sanction = new Letters.SanctionWords("formal-warning", "Formal warning", null, false);
        return switch (kind) {
            case "acknowledged" -> new Letters.Acknowledged("Sam Sample", "2026.1", false);
            case "joined" -> new Letters.Joined("Sam Sample", "2026.1");
            case "dismissed" -> new Letters.Dismissed("2026.1", "The post quoted is a policy disagreement.");
            case "allegation" -> new Letters.Allegation(LocalDate.of(2027, 1, 4), "2026.1", clauses,
                    "Replied to every post for a week, calling the complainant names.", "Alex Example", 2, due);
            case "accepted" -> new Letters.Accepted(clauses, due);
            case "nameShared" -> new Letters.NameShared("Sam Sample", true, true, "There is a risk of reprisal.");
            case "reminder" -> new Letters.Reminder("respond", due);
            case "backToTriage" -> new Letters.BackToTriage(true, true);
            case "reportReady" -> new Letters.ReportReady(true, true, due);
            case "decision" -> new Letters.PanelDecision("2026.1", findings, sanction, "The replies were targeted.", due);
            case "appealLodged" -> new Letters.AppealLodged("respondent", List.of("procedural-failure", "new-evidence"));
            case "appealDecision" -> new Letters.AppealDecision(true, split, findings, sanction, "New evidence.");
            case "suspended" -> new Letters.Suspended("Continuing conduct during the case.", due);
            case "renewed" -> new Letters.Renewed("The conduct continued.", due, false);
            case "lifted" -> new Letters.Lifted(then, "The case was decided.");
            case "reachedMaximum" -> new Letters.ReachedMaximum(then, due);
            case "withdrawn" -> new Letters.Withdrawn(true, then);
            case "ownPartWithdrawn" -> new Letters.OwnPartWithdrawn(then, 2);
            case "sanctionLapsed" -> new Letters.SanctionLapsed("suspension", "Suspension", 6, then, due);
            case "caseworkerMessage" -> new Letters.CaseworkerMessage("Please send the link to the post.");
            case "newMessage" -> new Letters.NewMessage("EH-2027-0001");
            case "messageForStaff" -> new Letters.MessageForStaff("Casey Worker", "complainant", "EH-2027-0001");
            case "consentWithdrawn" -> new EvidenceLetters.ConsentWithdrawn(3, EvidenceLetters.CaseState.NOT_TRIAGED);
            case "evidenceAdded" -> new EvidenceLetters.EvidenceAdded("excerpt", then);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
