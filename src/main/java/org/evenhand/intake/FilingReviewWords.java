package org.evenhand.intake;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The check page of a complaint before it is sent, and the file held for it while it is checked
 * (decision 0037): in English here, in Welsh in messages/filingReviewWords_cy.properties.
 */
@MessageBundle("filingReviewWords")
public interface FilingReviewWords {

    @Message("Check your complaint before you send it")
    String title();

    @Message("Check your complaint")
    String crumb();

    /** The filing form's button: to the check page (nothing is sent yet). */
    @Message("Check your complaint")
    String checkButton();

    @Message("About the complaint")
    String aboutTitle();

    @Message("Who it is about")
    String who();

    @Message("Date of the conduct")
    String when();

    @Message("Parts of the definition breached")
    String clauses();

    @Message("From version {version} of the definition, in force on that date.")
    String version(String version);

    @Message("What happened")
    String what();

    @Message("Link to the post or message")
    String link();

    @Message("Evidence")
    String evidenceTitle();

    @Message("No evidence goes with the complaint. You can add evidence later, from the case page.")
    String noEvidence();

    @Message("The words of the post or message")
    String excerpt();

    @Message("The messages before it")
    String thread();

    @Message("Screenshot or document")
    String file();

    @Message("PDF document")
    String pdf();

    @Message("PNG image")
    String png();

    @Message("JPEG image")
    String jpeg();

    @Message("You took part in the exchange, or it was addressed to you")
    String attested();

    @Message("Confirmed")
    String confirmed();

    @Message("Your consent to its use")
    String consent();

    @Message("Given, under notice {version}")
    String consentGiven(String version);

    @Message("Your name")
    String nameTitle();

    @Message("Keep my name from the member")
    String anonymity();

    @Message("Not asked for. If the complaint goes ahead, the member is told that it is yours.")
    String anonymityNotAsked();

    @Message("Asked for. A caseworker decides when they first look at the complaint, and tells you before the member is"
            + " told anything.")
    String anonymityAsked();

    @Message("Why")
    String anonymityGround();

    @Message("In your own words")
    String anonymityReasons();

    @Message("Now send your complaint")
    String sendTitle();

    @Message("When you send it we write to you to acknowledge it, and a caseworker with no connection to either of you"
            + " triages it. You cannot change the complaint once it is sent; you can add evidence to it, or withdraw it,"
            + " from its case page.")
    String sendText();

    /** Hidden words after "Change" on each row, for screen readers. */
    @Message("who it is about")
    String changeWho();

    @Message("the date")
    String changeWhen();

    @Message("the parts of the definition")
    String changeClauses();

    @Message("what happened")
    String changeWhat();

    @Message("the link")
    String changeLink();

    @Message("the evidence")
    String changeEvidence();

    @Message("the file")
    String changeFile();

    @Message("your name")
    String changeName();

    /** The filing form, once a file has been checked and held for the complaint. */
    @Message("Your file")
    String heldTitle();

    @Message("We are keeping {name} for you until {until}, so you do not need to choose it again.")
    String heldKept(String name, String until);

    @Message("To send a different file instead, choose it below.")
    String heldReplace();

    @Message("Do not send this file")
    String heldRemove();

    /** Beside the file field: the file held for the complaint has gone (an hour passed, or it was sent). */
    @Message("We no longer hold the file you chose (we keep a file for an hour while you check your complaint):"
            + " choose it again.")
    String fileNoLongerHeld();
}
