package org.evenhand.membership;

import java.util.List;

/**
 * Member records to apply, each with where it was given: its line in a membership file (from 1, the
 * header being line 1), or its index in a JSON batch's {@code members}.
 */
public record MembershipBatch(List<Row> rows, boolean file) {

    public record Row(int position, MemberRecord record) {
    }

    /** Where a record was given, as a person reads it: "line 4", or "members[2]". */
    String where(int position) {
        return file ? "line " + position : "members[" + position + "]";
    }
}
