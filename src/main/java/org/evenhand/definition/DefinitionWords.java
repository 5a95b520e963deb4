package org.evenhand.definition;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * What drafting and publishing the definition says when a step is refused for something only the
 * published versions or the draft's state can tell (the content's own rules are worded in
 * ValidationMessages.properties). Staff words: English only.
 */
@MessageBundle("definitionWords")
public interface DefinitionWords {

    @Message("A draft starts from the latest published version, which is version {latest}, not \u201c{from}\u201d.")
    String notTheLatest(String from, String latest);

    @Message("The draft started from version {base}, but version {latest} has been published since. Start a new"
            + " draft from version {latest}, so that its changes are not undone.")
    String baseOvertaken(String base, String latest);

    @Message("The draft is waiting for approval and cannot be changed. Withdraw the request for approval to edit it.")
    String awaitingApproval();

    @Message("The draft was published as version {version}, and a published version never changes. Start a new draft"
            + " to change it.")
    String published(String version);

    @Message("The draft was discarded. Start a new draft.")
    String discarded();

    @Message("Someone else saved the draft after you opened it. Open it again, and make your change to what they saved.")
    String savedMeanwhile();

    @Message("The draft is not waiting for approval: ask for approval first.")
    String notProposed();

    @Message("The draft changes nothing in version {base}: there is nothing to publish.")
    String nothingChanged(String base);

    @Message("A new version takes effect on {earliest.format('d MMMM yyyy')} at the earliest: never on the day it is"
            + " published or before, so that no conduct is judged under a rule published after it happened.")
    String tooSoon(LocalDate earliest);

    @Message("Version {latest} takes effect on {latestFrom.format('d MMMM yyyy')}: the new version must take effect"
            + " after it.")
    String notAfterTheLatest(String latest, LocalDate latestFrom);

    @Message("You asked for this draft to be approved, so another member of the NEC must approve it.")
    String ownRequest();

    @Message("The request for approval is for {proposed.format('d MMMM yyyy')}: approve that date, or withdraw the"
            + " request and ask again for another.")
    String notTheDateProposed(LocalDate proposed);

    @Message("Send the draft's content as JSON.")
    String noBody();

    @Message("If-Match names the revision of the draft that was edited: a number, such as \"3\".")
    String ifMatch();
}
