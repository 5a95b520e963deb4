package org.evenhand.identity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What a member is told when their choice of language cannot be kept (the record's rules are in ValidationMessages). */
@MessageBundle("identityWords")
public interface IdentityWords {

    @Message("Choose one of the languages Evenhand is written in: {offered}.")
    String notOffered(String offered);
}
