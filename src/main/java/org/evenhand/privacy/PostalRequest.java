package org.evenhand.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.evenhand.common.CheckedTogether;

/**
 * A request that came by post, recorded by the DPO on the member's behalf: which kind, the day the
 * letter arrived (the month to answer runs from it) and, for erasure, what the member asked for in
 * their words (the API's body and the page's form).
 */
@CheckedTogether
public record PostalRequest(@NotNull(message = "{privacy.postal.kind}") Kind kind,
        @NotNull(message = "{privacy.postal.receivedOn}")
        @PastOrPresent(message = "{privacy.postal.receivedOn.future}") LocalDate receivedOn,
        @Size(max = 5000, message = "{erasure.statement.size}") String statement) implements CheckedTogether.Rules {

    /** Subject access (Art. 15) or erasure (Art. 17). */
    public enum Kind {
        @JsonProperty("access") ACCESS,
        @JsonProperty("erasure") ERASURE;

        /** From a form's value ("access", "erasure"); null for anything else. */
        public static Kind of(String value) {
            return "access".equals(value) ? ACCESS : "erasure".equals(value) ? ERASURE : null;
        }
    }

    @Override
    public void check(CheckedTogether.Refusals refuse) {
        boolean said = statement != null && !statement.isBlank();
        if (kind == Kind.ERASURE && !said) {
            refuse.at("statement", "{privacy.postal.statement}");
        }
        if (kind == Kind.ACCESS && said) {
            refuse.at("statement", "{privacy.postal.statement.access}");
        }
    }
}
