package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.evenhand.casework.PileOns.ConductKey;
import org.evenhand.casework.PileOns.Match;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * Receiving a complaint: a new case, or, for conduct a live case already covers, a further
 * complainant on that case. Runs in the caller's transaction; the case's process is started
 * behind it by the starter.
 */
@ApplicationScoped
public class ReceivingComplaints {

    /**
     * A validated complaint: who, about whom, what, and what identifies the conduct (the conduct
     * keys, for pile-on merging; empty when neither a link nor an excerpt was given).
     */
    public record Filing(Member from, Member about, String allegation, LocalDate conductDate, String link,
            DefinitionVersion version, List<String> clauses, List<ConductKey> conductKeys, AnonymityAsked anonymity) {

        public Filing(Member from, Member about, String allegation, LocalDate conductDate, String link,
                DefinitionVersion version, List<String> clauses, List<ConductKey> conductKeys) {
            this(from, about, allegation, conductDate, link, version, clauses, conductKeys, null);
        }
    }

    /** The complainant's request to keep their name from the respondent, validated (decision 0029). */
    public record AnonymityAsked(AnonymityGround ground, String reasons) {
    }

    /** What became of a filing: a new case, or a case about the same conduct that it joined. */
    public record Received(CaseFile caseFile, boolean joined, String matchedOn) {
    }

    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;
    @Inject
    EntityManager em;
    @Inject
    CaseVault vault;
    @Inject
    PileOns pileOns;
    @Inject
    ProcessStarter starter;
    @Inject
    ActionTrail trail;
    @Inject
    AnonymityWords words;
    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry registry;

    /**
     * Stores a complaint and acknowledges it, in the caller's transaction, without starting its
     * process (the starter does, behind it). A complaint about conduct a live case already covers
     * (same respondent, same post by link or excerpt, case opened within the merge window) joins
     * that case instead of opening another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Received receive(Filing f) {
        starter.filed();
        if (!f.conductKeys().isEmpty()) {
            // the check before (requireNotAlreadyComplained) may have found no case already, in this transaction
            Optional<Match> match = Boolean.TRUE.equals(registry.getResource(new NoMatch(f.about().id, f.conductKeys())))
                    ? Optional.empty() : pileOns.match(f.about(), f.conductKeys());
            if (match.isEmpty()) {
                // only a filing that may open the case waits here, and only for another opening it now
                pileOns.lockKeys(f.about(), f.conductKeys());
                match = pileOns.match(f.about(), f.conductKeys());
            }
            if (match.isPresent()) {
                CaseFile c = em.find(CaseFile.class, match.get().caseId());
                join(c, f, match.get().matchedOn());
                pileOns.remember(c, f.conductKeys()); // a link or excerpt the case was not yet known by
                return new Received(c, true, match.get().matchedOn());
            }
        }
        CaseFile c = open(f);
        pileOns.remember(c, f.conductKeys());
        starter.wakeAfterCommit();
        return new Received(c, false, null);
    }

    /**
     * Refuses (409), before anything is stored, a complaint about conduct that a live case this member is
     * already a party to covers: the refusal {@link #join} would give (a page's check step says it first).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNotAlreadyComplained(Member from, Member about, List<ConductKey> conductKeys) {
        if (conductKeys.isEmpty()) {
            return;
        }
        Optional<Match> match = pileOns.match(about, conductKeys);
        if (match.isPresent()) {
            CaseFile c = em.find(CaseFile.class, match.get().caseId());
            if (c.partyOf(from) != null) {
                throw alreadyComplained(c);
            }
        } else {
            registry.putResource(new NoMatch(about.id, List.copyOf(conductKeys)), Boolean.TRUE);
        }
    }

    /**
     * No live case covered this conduct when the filing was checked, earlier in its transaction: receiving it then
     * goes straight to the keys' lock and the match under it (one query fewer); a case committed in between is found there.
     */
    private record NoMatch(Long respondentId, List<ConductKey> keys) {
    }

    private static ProblemException alreadyComplained(CaseFile c) {
        return ProblemException.conflict("you have already complained about this conduct: it is case " + c.ref
                + " in your cases");
    }

    /** Opens a case for a validated complaint, status RECEIVED; its process is started by the starter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile open(Filing f) {
        Instant now = time.now();
        long seq = ((Number) em.createNativeQuery("SELECT nextval('case_ref_seq')")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getSingleResult()).longValue();
        CaseFile c = new CaseFile();
        c.ref = "EVH-%d-%06d".formatted(Year.from(now.atZone(TimeSource.ZONE)).getValue(), seq);
        c.complainant = f.from();
        c.respondent = f.about();
        vault.createKey(c.ref);
        c.allegation = vault.seal(c.ref, f.allegation());
        c.conductDate = f.conductDate();
        c.conductLink = f.link();
        c.definitionVersion = f.version().id();
        c.citedClauses = List.copyOf(new LinkedHashSet<>(f.clauses()));
        c.status = CaseFile.Status.RECEIVED;
        c.stage = "received";
        c.receivedAt = now;
        if (f.anonymity() != null) {
            c.anonymity = "asked";
            c.anonymityGround = f.anonymity().ground().code();
            c.anonymityReasons = vault.seal(c.ref, f.anonymity().reasons().strip());
        }
        c.persist();
        letters.record(c, f.from().username, "received", staff, "Complaint received citing "
                + String.join(", ", c.citedClauses) + " of definition " + f.version().id());
        if (f.anonymity() != null) {
            letters.record(c, f.from().username, "anonymity-asked", staff, words.asked(f.anonymity().ground().words()));
        }
        letters.tellMember(c, f.from(), Party.COMPLAINANT, "acknowledged",
                Letters.acknowledged(new Letters.Acknowledged(f.about().displayName, f.version().id(),
                        f.anonymity() != null)));
        return c;
    }

    /** A further complaint about the conduct this case is about: the member joins it as a complainant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile join(CaseFile c, Filing f, String matchedOn) {
        if (c.partyOf(f.from()) != null) {
            throw alreadyComplained(c);
        }
        JoinedComplainant j = new JoinedComplainant();
        j.caseId = c.id;
        j.memberId = f.from().id;
        j.allegation = vault.seal(c.ref, f.allegation());
        j.conductDate = f.conductDate();
        j.conductLink = f.link();
        j.definitionVersion = f.version().id();
        j.citedClauses = List.copyOf(new LinkedHashSet<>(f.clauses()));
        j.matchedOn = matchedOn;
        j.filedAt = time.now();
        j.persist();
        trail.record(f.from().username, "complaint-joined", c.ref, "a further complaint about the same conduct"
                + " (matched on its " + matchedOn + "), citing " + String.join(", ", j.citedClauses));
        letters.tellMember(c, f.from(), Party.COMPLAINANT, "acknowledged",
                Letters.joined(new Letters.Joined(f.about().displayName, c.definitionVersion)));
        // a joined complainant is never named to the respondent, so a request for anonymity is granted by the rule itself
        return c;
    }
}
