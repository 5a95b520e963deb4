package org.evenhand.audit;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessQueries.ClauseSet;
import org.evenhand.audit.FairnessQueries.Filter;
import org.evenhand.audit.FairnessQueries.VersionRow;

/** The report's small reads beside the counts: members by faction, the clause sets and the definition versions. */
final class FairnessLookups {

    private FairnessLookups() {
    }

    static long population(Connection c, Filter f, Map<String, Long> byFaction, MessageDigest sha)
            throws SQLException {
        Q q = new Q();
        if (f.any()) {
            q.sql("SELECT coalesce(d.faction, ''), count(*) FROM members m LEFT JOIN faction_declarations d"
                    + " ON d.member_id = m.id WHERE ");
            FairnessQueries.memberMatch(q, "m", f);
            q.sql(" GROUP BY 1");
        } else {
            // kept by triggers (V4): no pass over half a million members
            q.sql("SELECT CASE WHEN faction = '*' THEN '' ELSE faction END, members FROM audit_member_counts"
                    + " WHERE members > 0 OR faction = '*'");
        }
        long total = 0;
        try (PreparedStatement s = q.prepare(c); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String faction = r.getString(1);
                long n = r.getLong(2);
                if (!faction.isEmpty()) {
                    byFaction.put(faction, n);
                }
                if (faction.isEmpty() || f.any()) {
                    total += n;
                }
            }
        }
        FairnessQueries.digest(sha, "population", byFaction, total);
        return total;
    }

    static Map<Integer, ClauseSet> clauseSets(Connection c, MessageDigest sha) throws SQLException {
        Map<Integer, ClauseSet> sets = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, definition_version, clauses FROM audit_clause_sets ORDER BY id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String[] clauses = (String[]) r.getArray(3).getArray();
                    ClauseSet cs = new ClauseSet(r.getInt(1), r.getString(2), List.of(clauses));
                    sets.put(cs.id(), cs);
                    FairnessQueries.digest(sha, "clauses", cs.id(), cs.definitionVersion(), cs.clauses());
                }
            }
        }
        return sets;
    }

    static List<VersionRow> versions(Connection c, MessageDigest sha) throws SQLException {
        List<VersionRow> versions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, effective_from, sha256 FROM definition_versions ORDER BY effective_from")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    VersionRow v = new VersionRow(r.getString(1), r.getObject(2, LocalDate.class), r.getString(3));
                    versions.add(v);
                    FairnessQueries.digest(sha, "version", v.id(), v.effectiveFrom(), v.sha256());
                }
            }
        }
        return versions;
    }
}
