package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.evenhand.casework.rules.MessageThreads;
import org.evenhand.common.Commands;
import org.evenhand.common.FieldLimits;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;
import org.evenhand.notification.Outbox;
import org.evenhand.trail.ActionTrail;

/**
 * Secure messages on a case (decision 0033): each member who is a party has one thread with the
 * case's caseworkers. A party reads and writes only their own thread and reads staff as "your
 * caseworker"; a caseworker who may handle the case reads every thread with who wrote; a panel
 * member reads none (the rule: {@link MessageThreads}). The text is sealed under the case's key;
 * every message leaves a staff-only timeline entry and a trail record, a line on the party's own
 * timeline, and an email to the other side that says only that there is a message.
 */
@ApplicationScoped
public class CaseMessages {

    public static final String KIND = "message";

    /** A party's message to their caseworker. */
    public record MessageRequest(@NotBlank(message = "{message.text.required}")
            @Size(max = FieldLimits.MESSAGE, message = "{message.text.size}") String text) {
    }

    /**
     * A caseworker's message to one party member: {@code to} is "complainant" (the first
     * complainant), "respondent", or the membership number of any complainant of the case.
     */
    public record StaffMessageRequest(@NotBlank(message = "{message.to.required}") String to,
            @NotBlank(message = "{message.text.required}")
            @Size(max = FieldLimits.MESSAGE, message = "{message.text.size}") String text) {
    }

    /** A message as the party whose thread it is reads it: from "you" or "your caseworker". */
    public record PartyMessage(Long id, Instant at, boolean fromYou, String from, String text) {
    }

    /** A message as a caseworker reads it: whose thread, and who wrote. */
    public record StaffMessage(Long id, Instant at, String party, String partyName, String membershipNumber,
            boolean fromStaff, String author, String text) {
    }

    /** Someone a caseworker can write to: the value that addresses them ({@code to}) and who they are. */
    public record Addressee(String value, String label) {
    }

    /** Every thread on a case and whom a caseworker can write to, for the messages page. */
    public record StaffThreads(List<StaffMessage> messages, List<Addressee> addressees) {
    }

    @Inject
    LetterRenderer renderer;
    @Inject
    CaseAccess cases;
    @Inject
    CaseViews views;
    @Inject
    CaseLetters letters;
    @Inject
    CaseVault vault;
    @Inject
    ComplainantIdentity identity;
    @Inject
    Outbox outbox;
    @Inject
    ActionTrail trail;
    @Inject
    TimeSource time;
    @Inject
    Commands commands;

    /** The member's own thread on one of their cases, oldest first. */
    @Transactional
    public List<PartyMessage> forMember(Member m, String ref) {
        CaseFile c = cases.visibleTo(m, ref);
        return threadOf(m, c);
    }

    /** The member's own thread, without an access check: for their case page and their data download. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PartyMessage> threadOf(Member m, CaseFile c) {
        Party party = c.partyOf(m);
        if (party == null) {
            return List.of();
        }
        // the respondent reads who complained only as decision 0029 allows, in messages too
        UnaryOperator<String> shown = party == Party.RESPONDENT ? identity.forRespondent(c) : UnaryOperator.identity();
        return CaseMessage.ofCase(c.id).stream()
                .filter(x -> MessageThreads.mayRead(MessageThreads.Reader.PARTY, m.id, x.memberId))
                .map(x -> new PartyMessage(x.id, x.sentAt, !x.fromStaff, x.fromStaff ? "Your caseworker" : "You",
                        x.fromStaff ? shown.apply(views.text(c, x.body)) : views.text(c, x.body)))
                .toList();
    }

    /** A party writes to their caseworker; the caseworkers working on the case are told by email. */
    @Transactional
    public PartyMessage send(Member m, String ref, MessageRequest in) {
        CaseFile c = cases.visibleTo(m, ref);
        commands.check(in);
        Party party = c.partyOf(m);
        requireOpen(c, m, party);
        CaseMessage x = store(c, m, party, false, m.username, in.text());
        TimelineEntry e = letters.recordFor(c, m, party, m.username, KIND,
                "You sent a message to your caseworker; it is under Messages on this page");
        letters.record(c, m.username, KIND, staff, "The " + party.label() + " sent a message (see Messages)");
        for (String caseworker : caseworkersOf(c)) {
            // only those who may still handle it (not one who has since recused or been named in it)
            if (!views.handles(caseworker, true, c)) {
                continue;
            }
            Member.byUsername(caseworker).ifPresent(to -> {
                io.quarkus.qute.TemplateInstance t = Letters.messageForStaff(
                        new Letters.MessageForStaff(to.displayName, party.label(), c.ref));
                LetterRenderer.Written w = renderer.render(t, java.util.Locale.UK);
                outbox.enqueue(c.ref, c.id, to, "[" + c.ref + "] " + w.letter().subject(),
                        vault.seal(c.ref, w.letter().body()), LetterRenderer.kindOf(t), w.version());
            });
        }
        trail.record(m.username, "message-sent", c.ref, "message " + x.id + " from the " + party.label()
                + " (timeline entry " + e.id + ")");
        return new PartyMessage(x.id, x.sentAt, true, "You", in.text().strip());
    }

    /** Every thread on the case, oldest first; caseworkers who may handle it only (anyone else: 404). */
    @Transactional
    public List<StaffMessage> forStaff(String caseworker, String ref) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        return staffView(c);
    }

    /**
     * The case's threads and whom one may write to: the first complainant, the respondent once told,
     * and any other complainant whose thread has begun.
     */
    @Transactional
    public StaffThreads forStaffPage(String caseworker, String ref) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        List<StaffMessage> all = staffView(c);
        List<Addressee> to = new java.util.ArrayList<>();
        Set<String> named = new java.util.HashSet<>();
        if (c.complainant != null) {
            to.add(new Addressee("complainant", c.complainant.displayName + " (the complainant)"));
            named.add(c.complainant.membershipNumber);
        }
        if (c.respondent != null && c.respondentNotifiedAt != null) {
            to.add(new Addressee("respondent", c.respondent.displayName + " (the respondent)"));
        }
        if (c.respondent != null) {
            named.add(c.respondent.membershipNumber);
        }
        all.stream().filter(x -> x.membershipNumber() != null && named.add(x.membershipNumber()))
                .forEach(x -> to.add(new Addressee(x.membershipNumber(), x.partyName() + " (a complainant)")));
        return new StaffThreads(all, to);
    }

    /** The case's threads as a caseworker reads them, once access was checked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StaffMessage> staffView(CaseFile c) {
        java.util.Map<Long, Member> people = new java.util.HashMap<>();
        return CaseMessage.ofCase(c.id).stream()
                .filter(x -> MessageThreads.mayRead(MessageThreads.Reader.CASEWORKER, null, x.memberId)).map(x -> {
            Member who = x.memberId == null ? null : people.computeIfAbsent(x.memberId, k -> Member.<Member>findById(k));
            return new StaffMessage(x.id, x.sentAt, x.party, CaseViews.name(who),
                    who == null ? null : who.membershipNumber, x.fromStaff, x.author, views.text(c, x.body));
        }).toList();
    }

    /** A caseworker writes to one party member; they are told by email that a message waits, never what it says. */
    @Transactional
    public StaffMessage reply(String caseworker, String ref, StaffMessageRequest in) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        commands.check(in);
        Member to = addressee(c, in.to().strip());
        Party party = c.partyOf(to);
        requireOpen(c, to, party);
        CaseMessage x = store(c, to, party, true, caseworker, in.text());
        letters.tellMember(c, to, party, KIND, Letters.newMessage(new Letters.NewMessage(c.ref)));
        letters.record(c, caseworker, KIND, staff, "Message sent to the " + party.label() + " (see Messages)");
        trail.record(caseworker, "message-sent", c.ref, "message " + x.id + " to the " + party.label());
        return new StaffMessage(x.id, x.sentAt, x.party, to.displayName, to.membershipNumber, true, caseworker,
                in.text().strip());
    }

    private CaseMessage store(CaseFile c, Member m, Party party, boolean fromStaff, String author, String text) {
        CaseMessage x = new CaseMessage();
        x.caseId = c.id;
        x.memberId = m.id;
        x.party = party.label();
        x.fromStaff = fromStaff;
        x.author = author;
        x.body = vault.seal(c.ref, text.strip());
        x.sentAt = time.now();
        x.persist();
        return x;
    }

    /** The party member a caseworker's message is for; 400 on the field when there is none such on the case. */
    private static Member addressee(CaseFile c, String to) {
        Member m = switch (to) {
            case "complainant" -> c.complainant;
            case "respondent" -> c.respondent;
            default -> Member.byMembershipNumber(to).filter(x -> c.partyOf(x) != null).orElse(null);
        };
        if (m == null) {
            throw ProblemException.invalidField("to", "Choose a party to this case: complainant, respondent, or the"
                    + " membership number of a complainant");
        }
        return m;
    }

    private void requireOpen(CaseFile c, Member m, Party party) {
        boolean withdrawn = party == Party.COMPLAINANT && (c.isLeadComplainant(m) ? c.complainantWithdrawnAt != null
                : JoinedComplainant.of(c.id, m.id).map(j -> j.withdrawnAt != null).orElse(false));
        switch (MessageThreads.open(party == Party.RESPONDENT, c.respondentNotifiedAt != null, withdrawn,
                vault.isErased(c.ref))) {
            case OPEN -> {
            }
            case NOT_TOLD -> throw ProblemException.invalidField("to", "the respondent has not been told of this"
                    + " complaint; they learn of it only when triage puts the allegation to them");
            case WITHDRAWN -> throw ProblemException.conflict("the complaint on case " + c.ref + " was withdrawn;"
                    + " the complainant is not written to about it again");
            case ERASED -> throw ProblemException.conflict("the text of case " + c.ref + " has been erased");
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The caseworkers working on the case, to be told of a party's message: its investigator and every
     * caseworker who has written in one of its threads.
     */
    private static Set<String> caseworkersOf(CaseFile c) {
        Set<String> out = new LinkedHashSet<>();
        if (c.investigator != null) {
            out.add(c.investigator);
        }
        CaseMessage.<CaseMessage>list("caseId = ?1 and fromStaff = true order by id", c.id)
                .forEach(x -> out.add(x.author));
        return out;
    }
}
