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

@Entity
@Table(name = "panel_seats")
public class PanelSeat extends PanacheEntityBase {

    public static final String DECISION = "decision";
    public static final String APPEAL = "appeal";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    public String bench;
    public String username;
    @Column(name = "drawn_at")
    public Instant drawnAt;
    /** Set when the case went back to triage and this panel was stood down. */
    @Column(name = "superseded_at")
    public Instant supersededAt;

    /** The current panel on this bench. */
    public static List<String> members(Long caseId, String bench) {
        return PanelSeat.<PanelSeat>list("caseId = ?1 and bench = ?2 and supersededAt is null order by username",
                caseId, bench).stream().map(s -> s.username).toList();
    }

    public static boolean isSeated(Long caseId, String username) {
        return count("caseId = ?1 and username = ?2 and supersededAt is null", caseId, username) > 0;
    }
}
