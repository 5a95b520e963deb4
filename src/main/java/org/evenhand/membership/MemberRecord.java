package org.evenhand.membership;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One member as the party's membership system states them: a row of a membership file (columns
 * membership_number, display_name, email, clp, region, status and, optionally, joined_on) or an entry
 * of a JSON batch. Checked after {@link #normalised()}: values trimmed, the email in lower case (Keycloak
 * keeps it so) or none, the status in lower case. The membership number is matched exactly, as the
 * membership system writes it.
 */
@Schema(name = "MembershipRecord")
public record MemberRecord(
        @NotBlank(message = "{membership.number.required}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,31}", message = "{membership.number.form}")
        String membershipNumber,
        @NotBlank(message = "{membership.displayName.required}")
        @Size(max = 200, message = "{membership.displayName.max}")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{membership.text.control}")
        String displayName,
        @Email(message = "{membership.email.form}")
        @Size(max = 254, message = "{membership.email.max}")
        String email,
        @NotBlank(message = "{membership.clp.required}")
        @Size(max = 100, message = "{membership.place.max}")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{membership.text.control}")
        String clp,
        @NotBlank(message = "{membership.region.required}")
        @Size(max = 100, message = "{membership.place.max}")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{membership.text.control}")
        String region,
        @Schema(enumeration = { "active", "lapsed" })
        @NotBlank(message = "{membership.status.form}")
        @Pattern(regexp = "active|lapsed", message = "{membership.status.form}")
        String status,
        @Schema(description = "used when the member is created (today if left out); never changed afterwards")
        @PastOrPresent(message = "{membership.joinedOn.past}")
        LocalDate joinedOn) {

    /** The same record with its values tidied as described above. */
    public MemberRecord normalised() {
        return new MemberRecord(trim(membershipNumber), trim(displayName), lower(trim(email)), trim(clp), trim(region),
                lower(trim(status)), joinedOn);
    }

    SyncRules.MemberState state() {
        return new SyncRules.MemberState(membershipNumber, displayName, email, clp, region, status);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
