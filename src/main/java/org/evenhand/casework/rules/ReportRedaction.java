package org.evenhand.casework.rules;

import java.util.List;
import java.util.regex.Pattern;
import org.evenhand.common.NameRedaction;

/**
 * The investigation report as a party reads it (decision 0030): the people struck for that reader
 * (members other than the reader's own side and the member they complained about; for the
 * respondent, every complainant) by name, name parts, membership number, login and email, each
 * replaced by their role; every email address, and any membership number left in the text.
 */
public final class ReportRedaction {

    /** Someone to strike from the text, and the words that stand in their place. */
    public record Struck(String name, List<String> identifiers, String role) {
    }

    static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    static final Pattern MEMBERSHIP_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])M\\d{4,}(?![\\p{L}\\p{N}])");

    private ReportRedaction() {
    }

    public static String forReader(String text, List<Struck> struck) {
        if (text == null) {
            return null;
        }
        // email addresses first, so that a login struck inside one leaves nothing of it behind
        String out = EMAIL.matcher(text).replaceAll("[an email address]");
        for (Struck s : struck) {
            out = new NameRedaction(s.name(), s.identifiers(), s.role()).apply(out);
        }
        return MEMBERSHIP_NUMBER.matcher(out).replaceAll("[a membership number]");
    }
}
