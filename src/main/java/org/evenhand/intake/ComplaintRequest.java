package org.evenhand.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A member's complaint about another member's conduct. */
public record ComplaintRequest(
        @NotBlank @Size(max = 40) String respondentMembershipNumber,
        @NotNull LocalDate conductDate,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 60) String> clauses,
        @NotBlank @Size(min = 10, max = 20000) String allegation,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String conductLink) {
}
