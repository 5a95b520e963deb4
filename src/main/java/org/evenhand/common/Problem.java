package org.evenhand.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 7807 problem details, as sent with {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }
}
