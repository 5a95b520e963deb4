package org.evenhand.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.evenhand.common.TimeSource;

/**
 * A membership file a complaints manager uploaded and previewed, kept until they confirm it, so that
 * what is applied is what they saw. Only the manager who uploaded it may apply it; one left
 * unconfirmed is deleted after a day (it holds members' details).
 */
@ApplicationScoped
public class MembershipUploads {

    public record Upload(long id, String fileName, SyncRules.Mode mode, String content) {
    }

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;

    @Transactional
    public long keep(String manager, String fileName, SyncRules.Mode mode, String content) {
        em.createNativeQuery("DELETE FROM membership_uploads WHERE uploaded_at < now() - interval '1 day'").executeUpdate();
        String name = fileName == null ? null : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        return ((Number) em.createNativeQuery("""
                INSERT INTO membership_uploads (uploaded_by, uploaded_at, file_name, mode, content)
                VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id""").setParameter(1, manager).setParameter(2, time.now())
                .setParameter(3, name).setParameter(4, mode.word()).setParameter(5, content).getSingleResult()).longValue();
    }

    /** The manager's own upload, if it is still kept. */
    @Transactional
    public Optional<Upload> mine(long id, String manager) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, file_name, mode, content FROM membership_uploads
                WHERE id = ?1 AND uploaded_by = ?2 AND uploaded_at >= now() - interval '1 day'""")
                .setParameter(1, id).setParameter(2, manager).getResultList();
        return rows.stream().findFirst().map(r -> new Upload(((Number) r[0]).longValue(), (String) r[1],
                SyncRules.Mode.of((String) r[2]), (String) r[3]));
    }

    @Transactional
    public void forget(long id) {
        em.createNativeQuery("DELETE FROM membership_uploads WHERE id = ?1").setParameter(1, id).executeUpdate();
    }
}
