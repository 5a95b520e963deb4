package org.evenhand.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the member's subject access pack says about their faction declaration (Welsh beside it, messages/). */
@MessageBundle("auditPackWords")
public interface AuditPackWords {

    @Message("Your faction declaration for the fairness audit, and its consent record")
    String title();

    @Message("The faction you declared for the fairness audit, with your explicit consent, and each time you gave,"
            + " changed or withdrew that consent. It is used only in aggregate and is never shown on any case."
            + " Withdrawing deletes the declaration; the consent record stays as proof of what you agreed to and when.")
    String about();
}
