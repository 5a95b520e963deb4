package org.evenhand.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 7807 problem details, as sent with {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProblemDetails",
        description = "RFC 7807 problem details (application/problem+json); errors name each refused field")
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    /** A refused field; {@code line} only for a field of an uploaded file (its line in the file, from 1). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProblemFieldError")
    public record FieldError(String field, String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer line) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
