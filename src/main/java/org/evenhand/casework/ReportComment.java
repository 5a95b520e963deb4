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

/** A party's one comment on the investigation report, sealed under the case's key; it goes to the panel (V17). */
@Entity
@Table(name = "report_comments")
public class ReportComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "member_id")
    public Long memberId;
    /** complainant or respondent. */
    public String party;
    /** Sealed. */
    public String statement;
    @Column(name = "commented_at")
    public Instant commentedAt;
    @Column(name = "superseded_at")
    public Instant supersededAt;

    /** The current round's comments, in the order they came. */
    public static List<ReportComment> of(Long caseId) {
        return list("caseId = ?1 and supersededAt is null order by id", caseId);
    }

    public static Optional<ReportComment> by(Long caseId, Long memberId) {
        return find("caseId = ?1 and memberId = ?2 and supersededAt is null", caseId, memberId).firstResultOptional();
    }
}
