package org.evenhand.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evenhand.casework.Payloads;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceRecords.Consent;
import org.evenhand.evidence.EvidenceRecords.Evidence;
import org.evenhand.intake.ComplaintRequest;
import org.evenhand.privacy.ErasureRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The words a member reads when one of their forms is refused come from the command records
 * themselves (ValidationMessages.properties): each rule, by plain Bean Validation, with no boot.
 * The field is the form field the page shows the message beside (Form.fieldOf of the path).
 */
@Tag("fast")
class MemberCommandWordsTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final Class<?>[] ALONE = { Default.class, EvidenceRecords.Alone.class };
    static final Class<?>[] WITH_A_FILE = { Default.class };

    record Case(String name, Object command, Class<?>[] groups, Map<String, String> words) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Consent CONSENT = new Consent("evidence-consent-2026.1", "complaint-handling");
    static final Evidence POST = new Evidence("You will regret this.", List.of(), true, CONSENT);

    static ComplaintRequest complaint(String respondent, LocalDate date, List<String> clauses, String allegation,
            String link, Evidence evidence) {
        return new ComplaintRequest(respondent, date, clauses, allegation, link, evidence);
    }

    static ComplaintRequest complaint() {
        return complaint("M100009", LocalDate.of(2026, 3, 2), List.of("bullying"),
                "Weekly posts mocking my accent in the branch chat.", null, null);
    }

    static Case c(String name, Object command, Class<?>[] groups, String... fieldsAndWords) {
        Map<String, String> words = new TreeMap<>();
        for (int i = 0; i < fieldsAndWords.length; i += 2) {
            words.put(fieldsAndWords[i], fieldsAndWords[i + 1]);
        }
        return new Case(name, command, groups, words);
    }

    static List<Case> cases() {
        ComplaintRequest ok = complaint();
        List<String> tooManyMessages = Collections.nCopies(51, "Earlier.");
        List<Case> cases = new ArrayList<>(List.of(
                c("a complaint as the form sends it", ok, ALONE),
                c("nothing filled in", complaint(null, null, List.of(), null, null, null), ALONE,
                        "respondentMembershipNumber", "Search for the member you are complaining about, and choose them from the list.",
                        "conductDate", "Give the date of the conduct.",
                        "clauses", "Choose at least one clause that you think was breached.",
                        "allegation", "Describe what happened."),
                c("conduct in the future", complaint("M100009", LocalDate.now().plusDays(2), List.of("bullying"),
                        ok.allegation(), null, null), ALONE,
                        "conductDate", "The date of the conduct cannot be in the future."),
                c("conduct today", complaint("M100009", LocalDate.now(), List.of("bullying"), ok.allegation(), null, null),
                        ALONE),
                c("eleven clauses", complaint("M100009", ok.conductDate(), Collections.nCopies(11, "bullying"),
                        ok.allegation(), null, null), ALONE,
                        "clauses", "Choose at most 10 clauses: the ones the conduct most clearly breached."),
                c("a blank clause", complaint("M100009", ok.conductDate(), List.of(" "), ok.allegation(), null, null),
                        ALONE, "clauses", "Choose the clauses from the list shown for the date of the conduct."),
                c("an allegation of 9 characters", complaint("M100009", ok.conductDate(), ok.clauses(), "Too short",
                        null, null), ALONE, "allegation", "Say a little more about what happened (at least 10"
                        + " characters), and keep it to 20,000 characters; put the rest in your evidence."),
                c("an allegation of 20,001 characters", complaint("M100009", ok.conductDate(), ok.clauses(),
                        "x".repeat(20_001), null, null), ALONE, "allegation", "Say a little more about what happened"
                        + " (at least 10 characters), and keep it to 20,000 characters; put the rest in your evidence."),
                c("a link that is not a web address", complaint("M100009", ok.conductDate(), ok.clauses(),
                        ok.allegation(), "not a link", null), ALONE,
                        "conductLink", "Give a web address starting with https:// or http://, or leave this empty."),
                c("a web address of 2,001 characters", complaint("M100009", ok.conductDate(), ok.clauses(),
                        ok.allegation(), "https://" + "x".repeat(1993), null), ALONE,
                        "conductLink", "Keep the web address to 2,000 characters, or leave this empty."),
                c("the post as evidence", ok.withEvidence(POST), ALONE),
                c("evidence without attestation or consent", ok.withEvidence(new Evidence("You will regret this.",
                        List.of(), null, null)), ALONE,
                        "evidence.attestPartyToExchange", "Confirm that you took part in this exchange, or that it was"
                                + " addressed to you.",
                        "evidence.consent", "Give your consent to the use of this evidence as the notice describes, or"
                                + " leave the evidence out."),
                c("evidence not attested (false)", ok.withEvidence(new Evidence("Words.", List.of(), false, CONSENT)),
                        ALONE, "evidence.attestPartyToExchange", "Confirm that you took part in this exchange, or that"
                                + " it was addressed to you."),
                c("an excerpt of 20,001 characters", ok.withEvidence(new Evidence("x".repeat(20_001), List.of(), true,
                        CONSENT)), ALONE, "evidence.text", "Keep an excerpt to 20,000 characters, or give a screenshot"
                                + " or PDF instead."),
                c("earlier messages alone", ok.withEvidence(new Evidence(null, List.of("Earlier."), true, CONSENT)),
                        ALONE, "evidence.threadContext", "You gave earlier messages but no excerpt, link or file for"
                                + " them to go with."),
                c("earlier messages with a file", ok.withEvidence(new Evidence(null, List.of("Earlier."), true, CONSENT)),
                        WITH_A_FILE),
                c("evidence with nothing in it", ok.withEvidence(new Evidence(" ", List.of(), true, CONSENT)), ALONE,
                        "evidence.text", "Give an excerpt, a link or a file."),
                c("a file alone, attested and consented", ok.withEvidence(new Evidence(null, List.of(), true, CONSENT)),
                        WITH_A_FILE),
                c("a file with no evidence given", ok.withEvidence(Evidence.none()), WITH_A_FILE,
                        "evidence.attestPartyToExchange", "Confirm that you took part in this exchange, or that it was"
                                + " addressed to you.",
                        "evidence.consent", "Give your consent to the use of this evidence as the notice describes, or"
                                + " leave the evidence out."),
                c("51 earlier messages", ok.withEvidence(new Evidence("Words.", tooManyMessages, true, CONSENT)), ALONE,
                        "evidence.threadContext", "Give at most 50 earlier messages: the ones that show how the exchange"
                                + " started."),
                c("an earlier message of 5,001 characters", ok.withEvidence(new Evidence("Words.",
                        List.of("x".repeat(5001)), true, CONSENT)), ALONE, "evidence.threadContext",
                        "Keep each earlier message to 5,000 characters, or give a screenshot of the thread instead."),
                c("consent without its notice", ok.withEvidence(new Evidence("Words.", List.of(), true,
                        new Consent(" ", "complaint-handling"))), ALONE,
                        "evidence.consent.noticeVersion", "Say which consent notice you consent to (its version)."),
                c("evidence on a case: nothing given", Evidence.none(), ALONE,
                        "text", "Give an excerpt, a link or a file.",
                        "attestPartyToExchange", "Confirm that you took part in this exchange, or that it was addressed"
                                + " to you.",
                        "consent", "Give your consent to the use of this evidence as the notice describes, or leave the"
                                + " evidence out."),
                c("a link submitted that is not a web address", new EvidenceRecords.Submission(EvidenceRecords.Kind.link,
                        null, "ftp://example.org/x", List.of(), true, CONSENT), ALONE,
                        "url", "Give a web address starting with https:// or http://."),
                c("a submission of no kind, not attested", new EvidenceRecords.Submission(null, "Words.", null, List.of(),
                        false, CONSENT), ALONE,
                        "kind", "Say whether this is a text excerpt or a link.",
                        "attestPartyToExchange", "Confirm that you took part in this exchange, or that it was addressed"
                                + " to you."),
                c("a response", new Payloads.Response("I was not there."), ALONE),
                c("an empty response", new Payloads.Response("  "), ALONE,
                        "statement", "Write your response. If you do not wish to respond, you need not send anything."),
                c("a response of 50,001 characters", new Payloads.Response("x".repeat(50_001)), ALONE,
                        "statement", "Keep your response to 50,000 characters."),
                c("an appeal", new Payloads.AppealRequest(List.of(Payloads.AppealGround.NEW_EVIDENCE), "New evidence."),
                        ALONE),
                c("an appeal with no grounds or statement", new Payloads.AppealRequest(List.of(), null), ALONE,
                        "grounds", "Choose at least one ground of appeal.",
                        "statement", "Explain why the decision should be changed, on the grounds you chose."),
                c("an appeal on a ground not on the list", new Payloads.AppealRequest(java.util.Arrays.asList(
                        (Payloads.AppealGround) null), "Statement."), ALONE,
                        "grounds", "Choose the grounds from the list."),
                c("an appeal on four grounds", new Payloads.AppealRequest(Collections.nCopies(4,
                        Payloads.AppealGround.NEW_EVIDENCE), "Statement."), ALONE,
                        "grounds", "Choose each ground of appeal once; there are three."),
                c("an appeal statement of 50,001 characters", new Payloads.AppealRequest(List.of(
                        Payloads.AppealGround.NEW_EVIDENCE), "x".repeat(50_001)), ALONE,
                        "statement", "Keep your statement to 50,000 characters."),
                c("a faction declared with consent", new org.evenhand.audit.FactionResource.Declaration("centre", true,
                        "2026-1"), ALONE),
                c("a faction declared without a choice or consent", new org.evenhand.audit.FactionResource.Declaration(
                        null, false, "2026-1"), ALONE,
                        "faction", "Choose the faction you identify with, or \u201cprefer not to say\u201d.",
                        "consent", "A faction is recorded only with your consent to the notice. Tick the box, or leave"
                                + " this page without declaring one."),
                c("an erasure request", new ErasureRequest("Everything, please."), ALONE),
                c("an empty erasure request", new ErasureRequest(""), ALONE,
                        "statement", "Say what you would like erased, and why if you wish."),
                c("an erasure request of 5,001 characters", new ErasureRequest("x".repeat(5001)), ALONE,
                        "statement", "Keep this to 5,000 characters.")));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saysWhatIsWrongNextToTheField(Case c) {
        Map<String, String> said = new TreeMap<>();
        VALIDATOR.validate(c.command(), c.groups()).forEach(v -> said.merge(Form.fieldOf(v.getPropertyPath().toString()),
                v.getMessage(), (a, b) -> a.equals(b) ? a : a + " | " + b));
        assertEquals(c.words(), said);
    }
}
