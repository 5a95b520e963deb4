package org.evenhand.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.evenhand.common.Problem;

/**
 * What a new version of the faction list must be (decision 0043), as plain code: a notice version; one to
 * 30 factions, each a key (lower-case letters, digits and hyphens, at most 40, not "prefer-not-to-say") and
 * a label (at most 60 characters), keys and labels each unique; every faction of the version in force still
 * there (a faction is retired, never deleted: members may have declared it); at least one offered.
 */
public final class FactionListRules {

    public static final int MAX_FACTIONS = 30;
    public static final int KEY_MAX = 40;
    public static final int LABEL_MAX = 60;
    public static final int NOTICE_MAX = 20;
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0," + (KEY_MAX - 1) + "}");
    static final Pattern NOTICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0," + (NOTICE_MAX - 1) + "}");

    /** A faction as the manager sends it. {@code retired}: no longer offered (null: offered). */
    public record Faction(String key, String label, Boolean retired) {
    }

    /** A new version of the list: the notice version members consent to under it, and every faction. */
    public record NewList(String noticeVersion, List<Faction> factions) {
    }

    private FactionListRules() {
    }

    /** Everything wrong with the new list, given the keys of the version in force (empty: nothing). */
    public static List<Problem.FieldError> check(Set<String> keysInForce, NewList in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in == null) {
            errors.add(new Problem.FieldError("factions", "Send the notice version and the factions"));
            return errors;
        }
        String notice = in.noticeVersion() == null ? "" : in.noticeVersion().strip();
        if (notice.isEmpty()) {
            errors.add(new Problem.FieldError("noticeVersion", "Give the version of the privacy notice members consent to"));
        } else if (!NOTICE.matcher(notice).matches()) {
            errors.add(new Problem.FieldError("noticeVersion", "A notice version is up to " + NOTICE_MAX
                    + " letters, digits, dots and hyphens, such as 2027-1"));
        }
        List<Faction> factions = in.factions() == null ? List.of() : in.factions();
        if (factions.isEmpty()) {
            errors.add(new Problem.FieldError("factions", "List at least one faction"));
            return errors;
        }
        if (factions.size() > MAX_FACTIONS) {
            errors.add(new Problem.FieldError("factions", "List at most " + MAX_FACTIONS + " factions"));
            return errors;
        }
        Set<String> keys = new HashSet<>();
        Set<String> labels = new HashSet<>();
        boolean offered = false;
        for (int i = 0; i < factions.size(); i++) {
            Faction f = factions.get(i);
            String at = "factions[" + i + "]";
            if (f == null) {
                errors.add(new Problem.FieldError(at, "An empty faction"));
                continue;
            }
            String key = f.key() == null ? "" : f.key().strip();
            if (key.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".key", "Give the faction a key"));
            } else if (FactionService.PREFER_NOT_TO_SAY.equals(key)) {
                errors.add(new Problem.FieldError(at + ".key", "\"prefer-not-to-say\" is always offered; it is no faction"));
            } else if (!KEY.matcher(key).matches()) {
                errors.add(new Problem.FieldError(at + ".key", "A key is up to " + KEY_MAX
                        + " lower-case letters, digits and hyphens, starting with a letter, such as soft-left"));
            } else if (!keys.add(key)) {
                errors.add(new Problem.FieldError(at + ".key", "The key " + key + " is listed twice"));
            }
            String label = f.label() == null ? "" : f.label().strip();
            if (label.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".label", "Give the faction a label members read"));
            } else if (label.length() > LABEL_MAX) {
                errors.add(new Problem.FieldError(at + ".label", "Keep the label to " + LABEL_MAX + " characters"));
            } else if (label.chars().anyMatch(Character::isISOControl)) {
                errors.add(new Problem.FieldError(at + ".label", "A label is one line of text"));
            } else if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                errors.add(new Problem.FieldError(at + ".label", "Two factions have the label " + label));
            }
            offered |= !Boolean.TRUE.equals(f.retired());
        }
        for (String kept : keysInForce) {
            if (!keys.contains(kept)) {
                errors.add(new Problem.FieldError("factions", "The faction " + kept + " is missing: a faction is never"
                        + " deleted (members may have declared it); retire it instead"));
            }
        }
        if (!offered) {
            errors.add(new Problem.FieldError("factions", "Offer at least one faction (not every one retired)"));
        }
        return errors;
    }
}
