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

/**
 * A sanction on a member's record: the sanction of a decision that stands (after any appeal), from when
 * the case closed until its term ends (decision 0031). A lapsed sanction stays here as history but no
 * longer counts.
 */
@Entity
@Table(name = "sanctions")
public class RecordedSanction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "member_id")
    public Long memberId;
    public String sanction;
    public int rung;
    @Column(name = "definition_version")
    public String definitionVersion;
    public Integer months;
    @Column(name = "takes_effect_at")
    public Instant takesEffectAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "lapsed_at")
    public Instant lapsedAt;

    public static Optional<RecordedSanction> ofCase(Long caseId) {
        return find("caseId", caseId).firstResultOptional();
    }

    /** The member's sanctions still counting: not lapsed, oldest first. */
    public static List<RecordedSanction> liveFor(Long memberId) {
        return list("memberId = ?1 and lapsedAt is null order by takesEffectAt, id", memberId);
    }
}
