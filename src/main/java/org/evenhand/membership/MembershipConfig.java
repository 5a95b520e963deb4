package org.evenhand.membership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Membership sync (decision 0039). */
@ConfigMapping(prefix = "evenhand.membership")
public interface MembershipConfig {

    /** The Keycloak client the membership system's tokens are issued to (their {@code azp}). */
    @WithDefault("evenhand-membership")
    String clientId();

    /**
     * A full sync that would lapse more than this share of the active members only for their absence from
     * the file is refused (a truncated file must not lapse the party).
     */
    @WithDefault("0.1")
    double fullSyncMaxLapseShare();

    /** The file drop; none: off. */
    Drop drop();

    /** Making Keycloak's users match the members. */
    Provisioning provisioning();

    interface Drop {
        /** Directory polled for membership files ({@code *.csv}); processed/ and failed/ are made inside it. */
        Optional<String> dir();

        /** How often the directory is looked at. */
        @WithDefault("30s")
        Duration every();

        /** A file changed more recently than this is left for the next look (it may still be being written). */
        @WithDefault("10s")
        Duration settle();
    }

    interface Provisioning {
        /** The Keycloak client Evenhand provisions users with (service account with manage-users). */
        @WithDefault("evenhand-provisioning")
        String clientId();

        /** Its secret; none: provisioning waits (members' changes queue up until it is set). */
        Optional<String> clientSecret();

        /** How often waiting members are looked for when nothing wakes the provisioner (retries, other nodes). */
        @WithDefault("30s")
        Duration every();

        /** Members provisioned in one round. */
        @WithDefault("50")
        int batch();

        /** A member a node took but did not finish (it stopped) is taken again after this. */
        @WithDefault("5m")
        Duration lease();
    }
}
