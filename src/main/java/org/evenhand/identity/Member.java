package org.evenhand.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A member. Cached in Hibernate's second-level cache (reference data, read on every request):
 * entries expire after {@code quarkus.hibernate-orm.cache."org.evenhand.identity.Member".expiration.max-idle},
 * which bounds how long a change made by another node or straight in SQL can go unseen.
 */
@Entity
@Table(name = "members")
@jakarta.persistence.Cacheable
public class Member extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    /** No longer a member: keeps their record and cases, cannot sign in or file (decision 0039). */
    public static final String LAPSED = "lapsed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "membership_number")
    public String membershipNumber;
    /** The Keycloak username (preferred_username) this member signs in with. */
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    /** Constituency Labour/Local Party: the member's local branch. */
    public String clp;
    public String region;
    @Column(name = "joined_on")
    public LocalDate joinedOn;
    /** {@link #ACTIVE} or {@link #LAPSED}, as the membership system last said (membership sync). */
    public String status = ACTIVE;

    public boolean lapsed() {
        return LAPSED.equals(status);
    }
    /** The language the member chose for their pages and letters ("cy", "en-GB"), or null (decision 0036). */
    public String language;

    public static Optional<Member> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Optional<Member> byMembershipNumber(String number) {
        return find("membershipNumber", number).firstResultOptional();
    }
}
