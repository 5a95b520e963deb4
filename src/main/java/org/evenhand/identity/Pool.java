package org.evenhand.identity;

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
 * A pool: a named group of handlers for one kind of work (its role: caseworker, panel or manager).
 * A draw for a role takes the eligible from every pool of that role (decision 0038).
 */
@Entity
@Table(name = "pools")
public class Pool extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String role;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<Pool> all() {
        return list("order by role, lower(name), id");
    }

    /** The pools this handler sits in. */
    public static List<Pool> of(String username) {
        return find("select p from Pool p, PoolMember m where m.poolId = p.id and m.username = ?1 order by p.role,"
                + " lower(p.name)", username).list();
    }

    /** The first pool of a role (the one the seed file puts a handler of that role in). */
    public static java.util.Optional<Pool> firstOf(String role) {
        return find("role = ?1 order by id", role).firstResultOptional();
    }
}
