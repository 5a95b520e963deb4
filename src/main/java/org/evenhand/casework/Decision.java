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

/** A panel's decision (bench "decision") or an appeal panel's (bench "appeal"). */
@Entity
@Table(name = "decisions")
public class Decision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    public String bench;
    @Column(name = "definition_version")
    public String definitionVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Finding> findings;
    public boolean upheld;
    public String sanction;
    @Column(name = "sanction_months")
    public Integer sanctionMonths;
    @Column(name = "departure_reason")
    public String departureReason;
    public String reasons;
    @Column(name = "appeal_allowed")
    public Boolean appealAllowed;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public static Optional<Decision> of(Long caseId, String bench) {
        return find("caseId = ?1 and bench = ?2", caseId, bench).firstResultOptional();
    }
}
