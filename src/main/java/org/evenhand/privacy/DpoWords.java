package org.evenhand.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the DPO's pages say that no command holds (staff pages: English only). */
@MessageBundle("dpoWords")
public interface DpoWords {

    /** Page only: the review step's tick box before a subject access request is marked answered. */
    @Message("Tick the box to confirm that the member has been sent their answer, and that this is what will be recorded.")
    String confirmAnswered();
}
