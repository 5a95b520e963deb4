package org.evenhand.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "timeline_entries")
public class TimelineEntry extends PanacheEntityBase {

    /** Who may see the entry: both parties (and staff), one party (and staff), or staff only. */
    public enum Audience {
        parties, complainant, respondent, staff;

        public boolean visibleTo(Party party) {
            return this == parties || (party == Party.COMPLAINANT && this == complainant)
                    || (party == Party.RESPONDENT && this == respondent);
        }

        public static Audience of(Party party) {
            return party == Party.COMPLAINANT ? complainant : respondent;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entries_id_seq")
    @jakarta.persistence.SequenceGenerator(name = "timeline_entries_id_seq", sequenceName = "timeline_entries_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    public Instant at;
    public String actor;
    public String kind;
    public String summary;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Audience audience;
    /** Set when the entry is a letter to one complainant of several: only they (and staff) see it. */
    @Column(name = "member_id")
    public Long memberId;

    /** Whether this party, signed in as this member, sees the entry. */
    public boolean visibleTo(Party party, Long member) {
        return audience.visibleTo(party) && (memberId == null || memberId.equals(member));
    }
}
