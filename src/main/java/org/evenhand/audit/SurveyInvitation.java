package org.evenhand.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invitation to the confidence survey: who may answer, about which case, in which role and
 * outcome band, until when, and whether they have. Never the answer, and never when it was given:
 * the answer is stored apart with no link back (docs/data-protection/confidence-survey.md).
 */
@Entity
@Table(name = "survey_invitations")
public class SurveyInvitation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "member_id")
    public Long memberId;
    @Column(name = "case_ref")
    public String caseRef;
    /** complainant or respondent */
    public String role;
    @Column(name = "outcome_band")
    public String outcomeBand;
    /** The last day it can be answered. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    public boolean answered;
}
