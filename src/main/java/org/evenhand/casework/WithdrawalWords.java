package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the page for withdrawing a complaint (templates/WithdrawalPage, decision 0036); Welsh in messages/withdrawal_cy.properties. */
@MessageBundle("withdrawal")
public interface WithdrawalWords {

    @Message("Withdraw your complaint about {about}")
    String title(String about);

    @Message("Withdraw")
    String crumb();

    @Message("What happens if you withdraw")
    String whatHappens();

    @Message("The case ends now. No decision will be made and nothing goes on anyone\u2019s record. If {about} has been told"
            + " about the complaint, we will write to tell them it was withdrawn.")
    String endsCase(String about);

    @Message("Other members complained about the same conduct, so the case goes on for them. Your own complaint will no"
            + " longer be used, and we will not write to you about the case again.")
    String goesOn();

    @Message("You cannot undo this. If you change your mind later you would need to make a new complaint.")
    String cannotUndo();

    @Message("Why are you withdrawing? (optional)")
    String why();

    @Message("Only the caseworkers read this. You do not have to give a reason.")
    String whyHint();

    @Message("Keep my complaint")
    String keep();

    @Message("The complaint on case {ref} can no longer be withdrawn: the panel has decided, the case has ended, or you"
            + " have withdrawn already.")
    String tooLate(String ref);
}
