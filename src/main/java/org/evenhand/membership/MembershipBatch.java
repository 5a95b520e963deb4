package org.evenhand.membership;

import java.util.List;
import org.evenhand.common.Problem;

/**
 * Member records to apply, each with where it was given: its line in a membership file (from 1, the
 * header being line 1), or its index in a JSON batch's {@code members}; and the lines of a file that
 * could not be read as a record at all ({@code unreadable}), refused with the others' refusals.
 */
public record MembershipBatch(List<Row> rows, boolean file, List<Problem.FieldError> unreadable) {

    public MembershipBatch(List<Row> rows, boolean file) {
        this(rows, file, List.of());
    }

    public record Row(int position, MemberRecord record) {
    }

    /** Where a record was given, as a person reads it: "line 4", or "members[2]". */
    String where(int position) {
        return file ? "line " + position : "members[" + position + "]";
    }
}
