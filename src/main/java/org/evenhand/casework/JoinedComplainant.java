package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A further complainant about the conduct a case is about (pile-on merging): their own allegation
 * (sealed under the case's key), date and clauses, and what matched their complaint to the case.
 * They are a complainant party to the case in every respect but one: the allegation put to the
 * respondent is the first complainant's.
 */
@Entity
@Table(name = "case_complainants")
public class JoinedComplainant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "member_id")
    public Long memberId;
    public String allegation;
    @Column(name = "conduct_date")
    public LocalDate conductDate;
    @Column(name = "conduct_link")
    public String conductLink;
    @Column(name = "definition_version")
    public String definitionVersion;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cited_clauses")
    public List<String> citedClauses;
    /** link or excerpt */
    @Column(name = "matched_on")
    public String matchedOn;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Column(name = "erased_at")
    public Instant erasedAt;
    /** They withdrew their part of the complaint (decision 0031); the case went on for the others. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public static Optional<JoinedComplainant> of(Long caseId, Long memberId) {
        if (caseId == null || memberId == null) {
            return Optional.empty();
        }
        return find("caseId = ?1 and memberId = ?2", caseId, memberId).firstResultOptional();
    }

    public static List<JoinedComplainant> ofCase(Long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
