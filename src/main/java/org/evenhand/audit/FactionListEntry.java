package org.evenhand.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A faction in one version of the list: its key (what declarations hold), its label, and whether it is retired. */
@Entity
@Table(name = "faction_list_entries")
@IdClass(FactionListEntry.Key.class)
public class FactionListEntry extends PanacheEntityBase {

    @Id
    public Integer version;
    @Id
    public String key;
    public int position;
    public String label;
    public boolean retired;

    /** The composite key: version and faction key. */
    public static class Key implements Serializable {
        public Integer version;
        public String key;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(version, k.version) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, key);
        }
    }
}
