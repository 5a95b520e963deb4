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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One panel member's view: the tally of three votes is the panel's decision. */
@Entity
@Table(name = "panel_votes")
public class PanelVote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    public String bench;
    public String username;
    @Column(name = "allow_appeal")
    public Boolean allowAppeal;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Finding> findings;
    public String sanction;
    @Column(name = "sanction_months")
    public Integer sanctionMonths;
    @Column(name = "departure_reason")
    public String departureReason;
    public String reasons;
    @Column(name = "cast_at")
    public Instant castAt;
    /** Set when the case went back to triage and this round of voting was abandoned. */
    @Column(name = "superseded_at")
    public Instant supersededAt;

    /** The current round's votes. */
    public static List<PanelVote> of(Long caseId, String bench) {
        return list("caseId = ?1 and bench = ?2 and supersededAt is null order by id", caseId, bench);
    }
}
