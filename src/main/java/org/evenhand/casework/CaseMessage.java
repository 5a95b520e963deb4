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

/**
 * One message in a party's thread with the case's caseworkers (V20, decision 0033). The thread is
 * the party member's ({@code memberId}); the text is sealed under the case's key.
 */
@Entity
@Table(name = "case_messages")
public class CaseMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    /** The party member whose thread this is; null once their link to the case was erased. */
    @Column(name = "member_id")
    public Long memberId;
    /** complainant or respondent. */
    public String party;
    @Column(name = "from_staff")
    public boolean fromStaff;
    /** The login of whoever wrote it (the member's, or the caseworker's). */
    public String author;
    /** Sealed. */
    public String body;
    @Column(name = "sent_at")
    public Instant sentAt;

    public static List<CaseMessage> ofCase(Long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    public static List<CaseMessage> thread(Long caseId, Long memberId) {
        return list("caseId = ?1 and memberId = ?2 order by id", caseId, memberId);
    }
}
