package org.evenhand.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member asking for their data to be erased, in their own words (the API's body and the page's form). */
public record ErasureRequest(@NotBlank(message = "{erasure.statement.required}")
        @Size(max = 5000, message = "{erasure.statement.size}") String statement) {
}
