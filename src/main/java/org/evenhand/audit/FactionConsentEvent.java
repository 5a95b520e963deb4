package org.evenhand.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The consent record (UK GDPR Art. 7(1)): who, when, which notice, which purpose. Never the faction. */
@Entity
@Table(name = "faction_consent_events")
public class FactionConsentEvent extends PanacheEntityBase {

    public static final String GIVEN = "given";
    public static final String CHANGED = "changed";
    public static final String WITHDRAWN = "withdrawn";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "member_id")
    public Long memberId;
    public String event;
    @Column(name = "notice_version")
    public String noticeVersion;
    public String purpose;
    public Instant at;
    /** The version of the faction list consented under (decision 0043); null for a withdrawal or before versions. */
    @Column(name = "list_version")
    public Integer listVersion;
}
