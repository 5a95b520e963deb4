package org.evenhand.common;

/**
 * Limits that more than one feature states (a request record's constraint, the page's counter, the
 * OpenAPI document): stated here once. Each field's own length is on its record's {@code @Size}.
 */
public final class FieldLimits {

    /** Messages of thread context given with one evidence excerpt. */
    public static final int THREAD_MESSAGES = 50;

    /**
     * A complainant's reasons for asking to stay anonymous, and a caseworker's for granting or
     * refusing it (decision 0029).
     */
    public static final int ANONYMITY_REASONS = 5_000;

    /**
     * The longest text field of any form (an investigation report). Pages are posted URL-encoded or
     * as multipart, where one character can take up to 9 bytes (%XX for each of three UTF-8 bytes),
     * so quarkus.http.limits.max-form-attribute-size is this times 9 (FormLimitsTest holds the two together).
     */
    public static final int LONGEST_TEXT = 100_000;

    public static final int BYTES_PER_CHARACTER_ENCODED = 9;

    /** A party's one comment on the investigation report (the API's record, the page's counter, the OpenAPI document). */
    public static final int REPORT_COMMENT = 20_000;

    /** One message on a case between a party and its caseworkers (decision 0033). */
    public static final int MESSAGE = 10_000;

    private FieldLimits() {
    }
}
