package org.evenhand.evidence;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.HoldingVault;
import org.evenhand.identity.Member;
import org.jboss.logging.Logger;

/**
 * A file chosen on a form that is checked before it is sent (the filing form, decision 0037): it is
 * checked at once exactly as it will be when given (size, type from its bytes, it decodes, no active
 * content), so a refusal is said on the form before anything else, and then held, sealed, for the
 * member who chose it, under a random token the check page carries. Sending takes it; otherwise it is
 * deleted an hour after it was chosen. A browser cannot keep a chosen file when a page comes back, so
 * without this the member would have to choose it again after checking their complaint.
 */
@ApplicationScoped
public class HeldFiles {

    /** How long a file is held for the member to check and send what it goes with. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /** The most files held for one member at once (the newest): a form has one file, and a member a few tabs. */
    static final int MOST_HELD = 3;

    private static final Logger LOG = Logger.getLogger(HeldFiles.class);

    /** A held file as the check page names it: the name the member gave it, what it is, its size, until when it is held. */
    public record Held(String token, String name, String mediaType, long sizeBytes, Instant until) {

        /** "PDF document", "PNG image", "JPEG image": for the check page (its words are the page's). */
        public boolean pdf() {
            return "application/pdf".equals(mediaType);
        }

        public boolean png() {
            return "image/png".equals(mediaType);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    HoldingVault vault;
    @Inject
    FileInspector files;
    @Inject
    SubmissionRules rules;
    @Inject
    TimeSource time;

    /**
     * Checks the file as one given with a complaint is checked (refused as a 4xx problem on the field
     * {@code file}, nothing held) and holds it for this member.
     */
    @Transactional
    public Held hold(Member member, EvidenceFile file) {
        rules.checkFileSize(file.bytes().length);
        String mediaType = files.inspect(file.bytes()).mediaType();
        UUID token = UUID.randomUUID();
        Instant now = time.now();
        Instant until = now.plus(LIFETIME);
        String name = file.name() == null || file.name().isBlank() ? "evidence" : file.name().strip();
        em.createNativeQuery("INSERT INTO held_files (token, member_id, name, media_type, size_bytes, content, held_at,"
                + " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").setParameter(1, token)
                .setParameter(2, member.id).setParameter(3, vault.sealText(name)).setParameter(4, mediaType)
                .setParameter(5, (long) file.bytes().length).setParameter(6, vault.seal(file.bytes()))
                .setParameter(7, now).setParameter(8, until).executeUpdate();
        em.createNativeQuery("DELETE FROM held_files WHERE member_id = ?1 AND token NOT IN (SELECT token FROM held_files"
                + " WHERE member_id = ?1 ORDER BY held_at DESC, token LIMIT ?2)").setParameter(1, member.id)
                .setParameter(2, MOST_HELD).executeUpdate();
        return new Held(token.toString(), name, mediaType, file.bytes().length, until);
    }

    /** The file this member holds under this token, if it is still held (a token of someone else's is none). */
    @Transactional
    public Optional<Held> find(Member member, String token) {
        UUID id = parse(token);
        if (id == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT name, media_type, size_bytes, expires_at FROM held_files"
                + " WHERE token = ?1 AND member_id = ?2 AND expires_at > ?3").setParameter(1, id)
                .setParameter(2, member.id).setParameter(3, time.now()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Held(id.toString(), vault.openText((String) r[0]), (String) r[1],
                ((Number) r[2]).longValue(), instant(r[3])));
    }

    /** Takes the held file for what it goes with, in the caller's transaction: it is no longer held once that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EvidenceFile> take(Member member, String token) {
        UUID id = parse(token);
        if (id == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("DELETE FROM held_files WHERE token = ?1 AND member_id = ?2"
                + " AND expires_at > ?3 RETURNING name, content").setParameter(1, id).setParameter(2, member.id)
                .setParameter(3, time.now()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new EvidenceFile(vault.openText((String) r[0]), vault.open((byte[]) r[1])));
    }

    /** Lets go of a held file the member no longer wants sent (or has replaced). */
    @Transactional
    public void release(Member member, String token) {
        UUID id = parse(token);
        if (id != null) {
            em.createNativeQuery("DELETE FROM held_files WHERE token = ?1 AND member_id = ?2").setParameter(1, id)
                    .setParameter(2, member.id).executeUpdate();
        }
    }

    /** Deletes every held file past its hour; returns how many. */
    @Transactional
    public int sweep() {
        return em.createNativeQuery("DELETE FROM held_files WHERE expires_at <= ?1").setParameter(1, time.now())
                .executeUpdate();
    }

    @Scheduled(identity = "held-files-sweep", every = "10m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        int gone = sweep();
        if (gone > 0) {
            LOG.infof("Held files: %d expired and deleted", gone);
        }
    }

    private static UUID parse(String token) {
        if (token == null || token.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
