package org.evenhand.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A caseworker, panel member or complaints manager who may be assigned cases or their escalations. */
@Entity
@Table(name = "handlers")
public class Handler extends PanacheEntityBase {

    public static final String CASEWORKER = "caseworker";
    public static final String PANEL = "panel";
    public static final String MANAGER = "manager";

    @Id
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String role;
    public String clp;
    public boolean active;

    public static List<Handler> activeWithRole(String role) {
        // no flush first: nothing in a transaction changes handlers while it asks who they are
        return find("role = ?1 and active = true order by username", role)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT).list();
    }
}
