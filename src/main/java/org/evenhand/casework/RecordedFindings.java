package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A panel member's findings, recorded as the first step of their decision, before they choose a
 * sanction: only then are they shown the respondent's live sanctions (V17, decision 0030).
 */
@Entity
@Table(name = "panel_findings")
public class RecordedFindings extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    public String bench;
    public String username;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Finding> findings;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "superseded_at")
    public Instant supersededAt;

    public static Optional<RecordedFindings> of(Long caseId, String bench, String username) {
        return find("caseId = ?1 and bench = ?2 and username = ?3 and supersededAt is null", caseId, bench, username)
                .firstResultOptional();
    }
}
