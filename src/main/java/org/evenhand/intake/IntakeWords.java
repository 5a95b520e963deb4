package org.evenhand.intake;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * What intake says when a complaint is refused for something only the membership or the definition
 * can tell (the record's own rules are worded in ValidationMessages.properties), and what the filing
 * form says about its member search and its date field, which no command holds.
 */
@MessageBundle("intakeWords")
public interface IntakeWords {

    @Message("No member has this membership number: search for the member and choose them from the list.")
    String noSuchMember();

    @Message("You cannot complain about yourself.")
    String notYourself();

    /** A member whose membership has lapsed (membership sync, decision 0039). */
    @Message("Your membership has lapsed, so you cannot make a new complaint. Your existing cases carry on.")
    String lapsed();

    @Message("Conduct before {first.date} predates the first published definition of abuse, so it"
            + " cannot be the subject of a complaint.")
    String predatesTheDefinition(LocalDate first);

    @Message("The definition in force on the date of the conduct (version {version}) has no clause \u201c{clause}\u201d:"
            + " choose from the clauses shown for that date.")
    String noSuchClause(String clause, String version);

    /** Page only: the member search box. */
    @Message("Type at least 2 letters of their name, or their membership number.")
    String searchHowTo();

    /** Page only: a search that found no one. */
    @Message("No member matches \u201c{query}\u201d. Check the spelling, or use their membership number.")
    String noMatch(String query);

    /** Page only: a date field the browser sent in a form we cannot read. */
    @Message("Give the date as day, month and year, for example {example.date}.")
    String dateAsDayMonthYear(LocalDate example);
}
