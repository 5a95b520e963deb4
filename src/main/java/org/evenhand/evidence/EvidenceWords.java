package org.evenhand.evidence;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the evidence feature says about a file, and what its forms say that no command holds (the
 * default bundle; translations go beside it). The rules of a command are worded in
 * ValidationMessages.properties.
 */
@MessageBundle("evidenceWords")
public interface EvidenceWords {

    @Message("The file is empty: choose it again, or choose another.")
    String fileEmpty();

    @Message("The file is {size}; files can be at most {maxMb} MB.")
    String fileTooLarge(String size, long maxMb);

    /** Page only: a browser never keeps a chosen file when a form comes back. */
    @Message("For your safety the browser does not keep a chosen file when a form comes back: choose {name} again.")
    String chooseAgain(String name);

    /** Page only: the withdrawal form's tick box. */
    @Message("Tick the box to confirm that you want to withdraw your consent.")
    String confirmWithdrawal();
}
