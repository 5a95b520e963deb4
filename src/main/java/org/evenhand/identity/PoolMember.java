package org.evenhand.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A handler sitting in a pool. */
@Entity
@Table(name = "handler_pools")
@IdClass(PoolMember.Key.class)
public class PoolMember extends PanacheEntityBase {

    @Id
    public String username;
    @Id
    @Column(name = "pool_id")
    public Long poolId;

    public static PoolMember of(String username, long poolId) {
        PoolMember m = new PoolMember();
        m.username = username;
        m.poolId = poolId;
        return m;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public String username;
        public Long poolId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(username, k.username) && Objects.equals(poolId, k.poolId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, poolId);
        }
    }
}
