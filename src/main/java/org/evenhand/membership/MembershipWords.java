package org.evenhand.membership;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a membership sync says about a batch beyond each record's own rules (those are worded in
 * ValidationMessages.properties): to the membership system's operators and the complaints manager,
 * in English (staff only).
 */
@MessageBundle("membershipWords")
public interface MembershipWords {

    @Message("The file holds no members: nothing was changed.")
    String noMembers();

    @Message("The first line must name the columns membership_number, display_name, email, clp, region and status"
            + " (joined_on may follow).{#if missing} Missing: {missing}.{/if}{#if unknown} Not known: {unknown}.{/if}")
    String header(String missing, String unknown);

    @Message("This line has {found} values; the first line names {expected} columns.")
    String fieldCount(int found, int expected);

    @Message("Give joined_on as a date like 2024-03-01, or leave it empty.")
    String joinedOnForm();

    @Message("Membership number {number} is given twice: it was already given at {first}.")
    String twice(String number, String first);

    @Message("The file could not be read as CSV: {reason}.")
    String unreadable(String reason);

    @Message("The file is not UTF-8 text.")
    String notUtf8();

    @Message("{count} records are refused; nothing was changed.{#if more > 0} The first {shown} are listed.{/if}")
    String refused(int count, int shown, int more);

    @Message("This full sync would lapse {absent} of the {active} active members only because the file leaves them"
            + " out, more than the {percent}% allowed (evenhand.membership.full-sync-max-lapse-share): the file may be"
            + " incomplete. Check it, or send the members who lapsed marked as lapsed in upsert mode.")
    String tooManyAbsent(int absent, int active, long percent);

    @Message("The membership changed since this file was previewed: look at what it would change now, and confirm"
            + " again if that is right.")
    String planChanged();

    /** Page only: no file chosen. */
    @Message("Choose the membership file (CSV) to upload.")
    String chooseFile();

    /** Page only: no mode chosen. */
    @Message("Choose whether the file holds only some members or the whole membership.")
    String chooseMode();

    /** Page only: the file was refused (the refusals are listed below the form). */
    @Message("The file was refused and nothing has been changed: {detail}")
    String fileRefused(String detail);

    @Message("Choose the mode: upsert (only the members in the file) or full (the file is the whole membership).")
    String mode();

    @Message("Give dryRun as true or false.")
    String dryRun();

    @Message("Send the members as text/csv (a membership file) or as application/json, an object whose members"
            + " field lists them.")
    String mediaType();
}
