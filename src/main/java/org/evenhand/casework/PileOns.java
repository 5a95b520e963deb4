package org.evenhand.casework;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.evenhand.common.Durations;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;

/**
 * Pile-on merging: complaints about the same conduct (same respondent and the same post, known by
 * its normalised link or by a keyed fingerprint of its normalised text) within the merge window
 * are one case with several complainants. The count is shown to caseworkers and to the audit,
 * never to the panel, and is never an input to any decision (docs/decisions/0012-pile-on-merging.md).
 * The audit counts complainants from its facts table (V7), not from here.
 */
@ApplicationScoped
public class PileOns {

    @ConfigMapping(prefix = "evenhand.intake.merge")
    public interface Config {
        /** Merge complaints about the same conduct at all. */
        @WithDefault("true")
        boolean enabled();

        /** A complaint joins a live case about the same conduct opened at most this long before. */
        @WithDefault("P14D")
        String window();

        /** Excerpts shorter than this (normalised characters) are too generic to identify a post. */
        @WithDefault("24")
        int minExcerptChars();
    }

    /** What identifies the conduct: kind (link or excerpt) and the keyed fingerprint stored. */
    public record ConductKey(String kind, String value) {
    }

    /** A live case a filing matches, and on what. */
    public record Match(long caseId, String matchedOn) {
    }

    /** The surge on one case, for staff (never for the panel). */
    public record Surge(int complainants, Instant firstFiledAt, Instant lastFiledAt, long joinedOnLink,
            long joinedOnExcerpt, Instant peakHour, long filedInPeakHour) {
    }

    /** A further complainant, as a caseworker sees them. */
    public record Complainant(long id, String name, String membershipNumber, Instant filedAt, String matchedOn,
            java.time.LocalDate conductDate, List<String> clausesCited, String allegation) {
    }

    public record Page(int complainants, int offset, int limit, List<Complainant> joined) {
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}]");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "igshid", "igsh", "mibextid",
            "ref", "ref_src", "ref_url", "s", "t", "si", "feature", "share", "from", "src", "context", "rdid",
            "sfnsn", "mc_cid", "mc_eid", "_ga", "cn", "trk");
    private static final Map<String, String> HOST_ALIASES = Map.of("x.com", "twitter.com", "fb.com", "facebook.com",
            "fb.watch", "facebook.com", "youtu.be", "youtube.com");

    @Inject
    Config config;
    @Inject
    EntityManager em;
    @Inject
    CaseVault vault;
    @Inject
    TimeSource time;

    /** The conduct keys of a complaint: from its link and from the excerpt of the post, when given. */
    public List<ConductKey> keysFor(String link, String excerpt) {
        if (!config.enabled()) {
            return List.of();
        }
        List<ConductKey> keys = new ArrayList<>();
        normalisedLink(link).ifPresent(l -> keys.add(new ConductKey("link", "link:" + vault.fingerprint("link", l))));
        normalisedExcerpt(excerpt, config.minExcerptChars()).ifPresent(
                e -> keys.add(new ConductKey("excerpt", "excerpt:" + vault.fingerprint("excerpt", e))));
        return keys;
    }

    /**
     * A post's link, reduced to what identifies the post: scheme, "www."/"m." prefixes, port,
     * fragment, trailing slash and tracking parameters dropped; known aliases (x.com) mapped.
     */
    static Optional<String> normalisedLink(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(link.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (u.getHost() == null) {
            return Optional.empty();
        }
        String host = u.getHost().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        for (String prefix : List.of("www.", "m.", "mobile.", "mbasic.", "old.")) {
            if (host.startsWith(prefix) && host.length() > prefix.length() + 3) {
                host = host.substring(prefix.length());
            }
        }
        host = HOST_ALIASES.getOrDefault(host, host);
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/{2,}", "/").replaceAll("/+$", "");
        if (host.equals("twitter.com")) {
            path = path.toLowerCase(Locale.ROOT); // user names are case-insensitive; status ids are digits
        }
        TreeMap<String, String> query = new TreeMap<>();
        if (u.getRawQuery() != null) {
            for (String pair : u.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (name.startsWith("utm_") || TRACKING.contains(name)) {
                    continue;
                }
                query.put(name, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        StringBuilder out = new StringBuilder(host).append(path);
        if (!query.isEmpty()) {
            out.append('?');
            query.forEach((k, v) -> out.append(k).append('=').append(v).append('&'));
            out.setLength(out.length() - 1);
        }
        return Optional.of(out.toString());
    }

    /** The excerpt's words: compatibility-normalised, lower case, invisible characters, punctuation and spacing dropped. */
    static Optional<String> normalisedExcerpt(String text, int minChars) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
        t = INVISIBLE.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
        t = NOT_WORD.matcher(t).replaceAll(" ").strip();
        return t.length() < minChars ? Optional.empty() : Optional.of(t);
    }

    /** The live case about this conduct opened within the window, if any (newest first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Match> match(Member respondent, List<ConductKey> keys) {
        Instant since = Durations.before(time.now(), config.window());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT k.case_id, k.conduct_key FROM conduct_keys k"
                + " JOIN cases c ON c.id = k.case_id WHERE k.respondent_id = ?1 AND k.conduct_key = ANY(?2)"
                + " AND k.opened_at > ?3 AND c.status IN ('RECEIVED', 'OPEN') ORDER BY k.opened_at DESC, k.case_id DESC")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, respondent.id).setParameter(2, keys.stream().map(ConductKey::value)
                        .toArray(String[]::new)).setParameter(3, since).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long caseId = ((Number) rows.get(0)[0]).longValue();
        boolean onLink = rows.stream().anyMatch(r -> ((Number) r[0]).longValue() == caseId
                && ((String) r[1]).startsWith("link:"));
        return Optional.of(new Match(caseId, onLink ? "link" : "excerpt"));
    }

    /**
     * Serialises the filings that may open a case for this conduct (in a consistent order, so two
     * filings sharing keys cannot deadlock), until the transaction ends. Only the first moments of
     * a pile-on wait here: once the case is committed, later filings find it without a lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockKeys(Member respondent, List<ConductKey> keys) {
        String[] names = keys.stream().map(k -> "evenhand.conduct:" + respondent.id + ":" + k.value()).sorted()
                .toArray(String[]::new);
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM"
                + " (SELECT k FROM unnest(CAST(?1 AS text[])) k ORDER BY k) x").setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, names).getSingleResult();
    }

    /** Records what identifies the conduct of this case (on opening, and the new keys a joining complaint brings). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(CaseFile c, List<ConductKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        em.createNativeQuery("INSERT INTO conduct_keys (respondent_id, conduct_key, case_id, opened_at)"
                + " SELECT ?1, k, ?3, ?4 FROM unnest(CAST(?2 AS text[])) k ON CONFLICT DO NOTHING")
                // the table it writes, named: a native write naming none makes Hibernate empty its whole second-level
                // cache (the members every request reads)
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("conduct_keys")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, c.respondent.id)
                .setParameter(2, keys.stream().map(ConductKey::value).toArray(String[]::new)).setParameter(3, c.id)
                .setParameter(4, c.receivedAt).executeUpdate();
    }

    public boolean hasJoined(CaseFile c) {
        return !em.createNativeQuery("SELECT 1 FROM case_complainants WHERE case_id = ?1 LIMIT 1")
                .setParameter(1, c.id).getResultList().isEmpty();
    }

    /** Removes what identifies the conduct of a case (at the end of its retention: nothing can join it any more). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(CaseFile c) {
        em.createNativeQuery("DELETE FROM conduct_keys WHERE case_id = ?1").setParameter(1, c.id).executeUpdate();
    }

    /** The number of complainants (the first and those who joined), and when they filed. */
    @Transactional
    public Surge surge(CaseFile c) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), max(filed_at),"
                + " count(*) FILTER (WHERE matched_on = 'link'), count(*) FILTER (WHERE matched_on = 'excerpt')"
                + " FROM case_complainants WHERE case_id = ?1").setParameter(1, c.id).getSingleResult();
        int joined = ((Number) row[0]).intValue();
        Instant last = row[1] == null ? c.receivedAt : instant(row[1]);
        Instant peak = c.receivedAt.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long inPeak = 1;
        if (joined > 0) {
            Object[] p = (Object[]) em.createNativeQuery("SELECT h, count(*) FROM (SELECT date_trunc('hour', filed_at) h"
                    + " FROM case_complainants WHERE case_id = ?1 UNION ALL SELECT date_trunc('hour', CAST(?2 AS timestamptz))) x"
                    + " GROUP BY h ORDER BY 2 DESC, 1 LIMIT 1").setParameter(1, c.id).setParameter(2, c.receivedAt)
                    .getSingleResult();
            peak = instant(p[0]);
            inPeak = ((Number) p[1]).longValue();
        }
        return new Surge(1 + joined, c.receivedAt, last, ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                peak, inPeak);
    }

    /** A page of the complainants who joined the case, oldest first, with their allegations. */
    @Transactional
    public Page joined(CaseFile c, int offset, int limit) {
        int total = ((Number) em.createNativeQuery("SELECT count(*) FROM case_complainants WHERE case_id = ?1")
                .setParameter(1, c.id).getSingleResult()).intValue();
        List<JoinedComplainant> page = JoinedComplainant.<JoinedComplainant>find("caseId = ?1 order by id", c.id)
                .range(offset, offset + limit - 1).list();
        Map<Long, Member> members = new LinkedHashMap<>();
        List<Long> ids = page.stream().map(j -> j.memberId).filter(java.util.Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            Member.<Member>list("id in ?1", ids).forEach(m -> members.put(m.id, m));
        }
        List<Complainant> out = new ArrayList<>();
        for (JoinedComplainant j : page) {
            Member m = j.memberId == null ? null : members.get(j.memberId);
            String allegation;
            try {
                allegation = j.allegation == null ? CaseViews.ERASED : vault.open(c.ref, j.allegation);
            } catch (org.evenhand.crypto.ErasedException e) {
                allegation = CaseViews.ERASED;
            }
            out.add(new Complainant(j.id, m == null ? CaseViews.ERASED : m.displayName,
                    m == null ? null : m.membershipNumber, j.filedAt, j.matchedOn, j.conductDate, j.citedClauses,
                    allegation));
        }
        return new Page(1 + total, offset, limit, out);
    }

    static Instant instant(Object v) {
        return v instanceof OffsetDateTime o ? o.toInstant() : v instanceof java.sql.Timestamp t ? t.toInstant()
                : (Instant) v;
    }
}
