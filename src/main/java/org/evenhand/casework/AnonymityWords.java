package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What triage says about a complainant's request for anonymity when the case, not the payload, is at
 * fault (the payload's own rules are worded in ValidationMessages.properties), and how the staff
 * timeline records the decision (decision 0029).
 */
@MessageBundle("anonymityWords")
public interface AnonymityWords {

    @Message("The complainant asked for their name to be kept from the respondent: grant or refuse the request, with"
            + " your reasons, before the complaint goes ahead.")
    String decisionNeeded();

    @Message("The complainant did not ask for anonymity, so there is nothing to decide: leave it out.")
    String nothingAsked();

    @Message("Anonymity was decided at an earlier triage, and that decision stands: leave it out.")
    String alreadyDecided();

    @Message("The complainant asked for their name to be kept from the respondent ({ground}); the caseworker decides"
            + " at triage.")
    String asked(String ground);

    @Message("{#if granted}Anonymity granted: the respondent will not be told who complained, now or later."
            + "{#else}Anonymity refused: the respondent will be told who complained.{/if} Reasons: {reasons}")
    String decided(boolean granted, String reasons);
}
