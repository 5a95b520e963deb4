package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * Contact about a case from an office-holder or member of staff outside its handlers, as the
 * handler who was contacted recorded it. Append-only: the table refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "interference_records")
@Immutable
public class InterferenceRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_role")
    public String contactRole;
    /** office-holder or staff */
    @Column(name = "contact_kind")
    public String contactKind;
    @Column(name = "contacted_at")
    public Instant contactedAt;
    public String channel;
    public String asked;
    @Column(name = "handler_response")
    public String handlerResponse;
}
