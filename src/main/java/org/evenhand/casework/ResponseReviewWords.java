package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The check page of a respondent's response before it is sent (decision 0037): in English here, in
 * Welsh in messages/responseReviewWords_cy.properties.
 */
@MessageBundle("responseReviewWords")
public interface ResponseReviewWords {

    @Message("Check your response before you send it")
    String title();

    @Message("Check your response")
    String crumb();

    /** The response form's button: to the check page (nothing is sent yet). */
    @Message("Check your response")
    String checkButton();

    @Message("Case {ref}")
    String caseRef(String ref);

    @Message("Your response")
    String statement();

    /** Hidden words after "Change", for screen readers. */
    @Message("your response")
    String changeStatement();

    @Message("Now send your response")
    String sendTitle();

    @Message("It goes to the investigator with the complaint. You cannot change it once it is sent; you can add"
            + " evidence from the case page.")
    String sendText();
}
