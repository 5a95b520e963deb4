package org.evenhand.casework;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;

/**
 * Outcomes of earlier cases like this one, for a panel to read as precedent: decided cases that
 * engaged any of the same clauses at the same gravest tier, the closest first (the same clauses
 * exactly), then the most recent. Only the structured outcome is given (findings, sanction, whether
 * an appeal changed it), never a reference, a name or any text: the reader is not entitled to
 * those cases' files, and a panel works blind.
 */
@ApplicationScoped
public class Precedents {

    static final int LIMIT = 10;

    public record Precedent(Instant decidedAt, String definitionVersion, List<String> clausesEngaged,
            List<Finding> findings, String sanction, Integer sanctionMonths, boolean sameClauses, Boolean appealAllowed,
            String appealSanction, Integer appealSanctionMonths) {
    }

    @Inject
    CaseViews views;
    @Inject
    Citations citations;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** For someone who may see this case (an eligible caseworker or a seated panel member); 404 otherwise. */
    @Transactional
    public List<Precedent> forCase(String username, boolean caseworker, boolean panel, String ref) {
        CaseFile c = views.requireStaffAccess(username, caseworker, panel, ref);
        List<String> engaged = c.engagedClauses == null ? List.of() : c.engagedClauses;
        if (engaged.isEmpty()) {
            return List.of();
        }
        int tier = tier(citations.version(c.definitionVersion), engaged);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.definition_version, array_to_string(c.engaged_clauses, ','), CAST(d.findings AS text),
                       d.sanction, d.sanction_months, d.decided_at, a.appeal_allowed, a.sanction, a.sanction_months
                FROM decisions d JOIN cases c ON c.id = d.case_id
                LEFT JOIN decisions a ON a.case_id = d.case_id AND a.bench = 'appeal'
                WHERE d.bench = 'decision' AND c.id <> ?1 AND c.engaged_clauses && CAST(?2 AS text[])
                ORDER BY d.decided_at DESC LIMIT 200""")
                .setParameter(1, c.id).setParameter(2, "{" + String.join(",", engaged) + "}").getResultList();
        Set<String> mine = new HashSet<>(engaged);
        List<Precedent> out = new ArrayList<>();
        for (Object[] r : rows) {
            String version = (String) r[0];
            List<String> clauses = List.of(((String) r[1]).split(","));
            if (tier(citations.version(version), clauses) != tier) {
                continue;
            }
            out.add(new Precedent(instant(r[5]), version, clauses, findings((String) r[2]), (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue(), new HashSet<>(clauses).equals(mine),
                    (Boolean) r[6], (String) r[7], r[8] == null ? null : ((Number) r[8]).intValue()));
        }
        return out.stream().sorted(Comparator.comparing(Precedent::sameClauses).reversed()
                .thenComparing(Precedent::decidedAt, Comparator.reverseOrder())).limit(LIMIT).toList();
    }

    static int tier(DefinitionVersion v, List<String> clauses) {
        return clauses.stream().map(v::clause).flatMap(Optional::stream).mapToInt(DefinitionVersion.Clause::tier)
                .max().orElse(0);
    }

    private List<Finding> findings(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Finding>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toInstant()
                : o instanceof java.time.OffsetDateTime d ? d.toInstant() : (Instant) o;
    }
}
