package org.evenhand.intake;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.evidence.EvidenceFile;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.HeldFiles;
import org.evenhand.identity.Member;
import org.jboss.logging.Logger;

/**
 * Sending a complaint from the pages, once (decision 0037): the same complaint from the same member
 * within a day (a second click on "Confirm and send", a replayed form, the check page sent again from
 * the browser's history and confirmed) leads to the case the first one opened or joined, and nothing
 * is filed again. What was sent is known by a keyed fingerprint of the complaint as the member wrote it,
 * kept a day; a file goes with it from where it was held while the member checked it.
 */
@ApplicationScoped
public class FilingOnce {

    /** How long a complaint sent is remembered, so that the same one sent again is not filed twice. */
    static final Duration REMEMBERED = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(FilingOnce.class);

    /** The case the complaint is on, and whether it had been sent before (nothing was filed this time). */
    public record Sent(String ref, boolean before) {
    }

    @Inject
    FilingWithEvidence filing;
    @Inject
    HeldFiles held;
    @Inject
    CaseVault vault;
    @Inject
    EntityManager em;
    @Inject
    TimeSource time;
    @Inject
    FilingReviewWords words;

    /**
     * Files the complaint with the file chosen ({@code chosen}) or held for it ({@code heldFile}, the
     * token the check page carried), unless this member sent the same complaint within the day.
     */
    @Transactional
    public Sent file(Member member, ComplaintRequest request, EvidenceFile chosen, String heldFile) {
        String digest = vault.fingerprint("complaint-sent", canonical(member, request));
        Optional<String> earlier = claim(member, digest);
        if (earlier.isPresent()) {
            if (heldFile != null) {
                held.release(member, heldFile);
            }
            return new Sent(earlier.get(), true);
        }
        EvidenceFile file = chosen;
        if (file == null && heldFile != null) {
            file = held.take(member, heldFile).orElseThrow(() -> ProblemException.invalidField("file",
                    words.fileNoLongerHeld()));
        } else if (heldFile != null) {
            held.release(member, heldFile); // a new file was chosen in its place
        }
        String ref = filing.file(member, request, file).ref();
        em.createNativeQuery("UPDATE complaints_sent SET case_ref = ?3 WHERE member_id = ?1 AND digest = ?2")
                .setParameter(1, member.id).setParameter(2, digest).setParameter(3, ref).executeUpdate();
        return new Sent(ref, false);
    }

    /**
     * Marks this complaint as sent by this member now, or finds the case it went to when it was sent within
     * the day. A second confirmation at the same moment waits here for the first to commit (the row is
     * the key), then finds its case; if the first failed, this one files.
     */
    private Optional<String> claim(Member member, String digest) {
        Instant now = time.now();
        List<?> mine = em.createNativeQuery("INSERT INTO complaints_sent (member_id, digest, sent_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (member_id, digest) DO UPDATE SET sent_at = EXCLUDED.sent_at, case_ref = NULL"
                + " WHERE complaints_sent.sent_at <= ?4 RETURNING member_id").setParameter(1, member.id)
                .setParameter(2, digest).setParameter(3, now).setParameter(4, now.minus(REMEMBERED)).getResultList();
        if (!mine.isEmpty()) {
            return Optional.empty();
        }
        List<?> ref = em.createNativeQuery("SELECT case_ref FROM complaints_sent WHERE member_id = ?1 AND digest = ?2")
                .setParameter(1, member.id).setParameter(2, digest).getResultList();
        return ref.isEmpty() || ref.get(0) == null ? Optional.empty() : Optional.of((String) ref.get(0));
    }

    /** The complaint as the member wrote it, each part on its own, line breaks as typed whatever the browser sent. */
    static String canonical(Member member, ComplaintRequest in) {
        StringBuilder b = new StringBuilder().append(member.id);
        part(b, in.respondentMembershipNumber());
        part(b, in.conductDate() == null ? null : in.conductDate().toString());
        part(b, in.clauses() == null ? null : String.join(",", new TreeSet<>(in.clauses().stream().map(String::strip)
                .toList())));
        part(b, in.allegation());
        part(b, in.conductLink());
        EvidenceRecords.Evidence e = in.evidence();
        part(b, e == null ? null : e.text());
        part(b, e == null ? null : String.join("\u0001", e.thread()));
        part(b, in.anonymity() == null || in.anonymity().ground() == null ? null : in.anonymity().ground().code());
        part(b, in.anonymity() == null ? null : in.anonymity().reasons());
        return b.toString();
    }

    private static void part(StringBuilder b, String value) {
        b.append('\u0000').append(value == null ? "" : value.replace("\r\n", "\n").strip());
    }

    /** Forgets the complaints sent more than a day ago; returns how many. */
    @Transactional
    public int sweep() {
        return em.createNativeQuery("DELETE FROM complaints_sent WHERE sent_at <= ?1")
                .setParameter(1, time.now().minus(REMEMBERED)).executeUpdate();
    }

    @Scheduled(identity = "complaints-sent-sweep", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        int gone = sweep();
        if (gone > 0) {
            LOG.infof("Complaints sent: %d older than a day forgotten", gone);
        }
    }
}
