package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;

/**
 * Handlers named in a complaint as involved: when a complaint is filed or joins a case, its
 * allegation and the excerpt given with it are searched for each handler's full name, their
 * {@code @login} and their membership number; anyone found is left out of the case like a party
 * (decision 0024). Only the login is kept, never the text. When a complainant joined an open case,
 * every open task is then checked against the rule again ({@link Handovers#recheck}).
 */
@ApplicationScoped
public class InvolvedHandlers {

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;
    @Inject
    Handovers handovers;

    /** The handlers named in these texts, by the words that identify each. */
    static List<String> named(List<Object[]> handlers, String... texts) {
        String text = String.join("\n", Arrays.stream(texts).filter(Objects::nonNull).toList());
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (Object[] h : handlers) {
            List<String> marks = new ArrayList<>();
            marks.add("@" + Pattern.quote((String) h[0]));
            if (h[1] != null && ((String) h[1]).strip().contains(" ")) {
                marks.add(Pattern.quote(((String) h[1]).strip()).replace(" ", "\\E\\s+\\Q"));
            }
            if (h[2] != null) {
                marks.add(Pattern.quote((String) h[2]));
            }
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", marks) + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (p.matcher(text).find()) {
                out.add((String) h[0]);
            }
        }
        return out;
    }

    /** After a complaint was stored: records the handlers it names, and rechecks the case's tasks if it joined one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterFiling(CaseFile c, boolean joined, Member from, String allegation, String excerpt) {
        @SuppressWarnings("unchecked")
        List<Object[]> handlers = em.createNativeQuery("SELECT h.username, h.display_name, m.membership_number"
                + " FROM handlers h LEFT JOIN members m ON m.username = h.username WHERE h.active")
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        List<String> named = named(handlers, allegation, excerpt);
        if (!named.isEmpty()) {
            em.createNativeQuery("INSERT INTO case_involved_handlers (case_id, username, found_in, found_at)"
                    + " SELECT ?1, u, ?2, ?3 FROM unnest(CAST(?4 AS text[])) u ON CONFLICT DO NOTHING")
                    .unwrap(org.hibernate.query.NativeQuery.class) // tables named: see TrackingStages.stageEntered
                    .addSynchronizedQuerySpace("case_involved_handlers").addSynchronizedQuerySpace("cases")
                    .setParameter(1, c.id).setParameter(2, joined ? "joined-complaint" : "complaint")
                    .setParameter(3, time.now()).setParameter(4, named.toArray(String[]::new)).executeUpdate();
        }
        if (joined && c.status == CaseFile.Status.OPEN && (!named.isEmpty() || touchesAHandler(from))) {
            handovers.recheck(c, "a complainant joined the case");
        }
    }

    /** Whether the member is a handler, of a handler's CLP, or in a handler's declared interests (else nothing changes). */
    private boolean touchesAHandler(Member m) {
        Object hit = em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM handlers WHERE active AND (username = ?1 OR clp = ?2))"
                + " OR EXISTS (SELECT 1 FROM declared_interests WHERE lower(value) IN (lower(?3), lower(?2), lower(?4)))")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, String.valueOf(m.username))
                .setParameter(2, String.valueOf(m.clp)).setParameter(3, m.membershipNumber)
                .setParameter(4, String.valueOf(m.region)).getSingleResult();
        return Boolean.TRUE.equals(hit);
    }
}
