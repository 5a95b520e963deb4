package org.evenhand.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What every check page says before something that cannot be undone is sent (decision 0037): the
 * member-facing words, in English here and in Welsh in messages/confirmWords_cy.properties. The words of
 * each check page's own rows are its feature's (intake.FilingReviewWords, casework.ResponseReviewWords).
 */
@MessageBundle("confirmWords")
public interface ConfirmWords {

    @Message("Nothing has been sent yet. This is exactly what will be sent: read it through, and change anything that"
            + " is not right.")
    String nothingSentYet();

    /** The button beside an answer that goes back to the form to change it (the answer's name follows, for screen readers). */
    @Message("Change")
    String change();

    @Message("Confirm and send")
    String confirmAndSend();

    @Message("Not given")
    String notGiven();

    @Message("My cases")
    String myCases();
}
