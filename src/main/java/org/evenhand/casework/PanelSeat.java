package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "panel_seats")
@IdClass(PanelSeat.Key.class)
public class PanelSeat extends PanacheEntityBase {

    public static final String DECISION = "decision";
    public static final String APPEAL = "appeal";

    public record Key(Long caseId, String bench, String username) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public Long caseId;
    @Id
    public String bench;
    @Id
    public String username;
    @Column(name = "drawn_at")
    public Instant drawnAt;

    public static List<String> members(Long caseId, String bench) {
        return PanelSeat.<PanelSeat>list("caseId = ?1 and bench = ?2 order by username", caseId, bench).stream()
                .map(s -> s.username).toList();
    }
}
