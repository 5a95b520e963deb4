package org.evenhand.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An email to a party, written in the same transaction as the change it reports (outbox). */
@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notifications_id_seq")
    @jakarta.persistence.SequenceGenerator(name = "notifications_id_seq", sequenceName = "notifications_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "case_ref")
    public String caseRef;
    @Column(name = "recipient_id")
    public Long recipientId;
    public String email;
    public String subject;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "last_error")
    public String lastError;
    /** The kind of letter and the template version its text was written from (decision 0043); null before. */
    @Column(name = "letter_kind")
    public String letterKind;
    @Column(name = "letter_version")
    public Integer letterVersion;
}
