package org.evenhand.evidence;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the letters evidence sends a party (templates/letters, decision 0036); Welsh in messages/evidenceLetter_cy.properties. */
@MessageBundle("evidenceLetter")
public interface EvidenceLetterTexts {

    @Message("Your evidence has been withdrawn")
    String consentWithdrawnSubject();

    @Message("""
            Your consent for evidence item {m.item} is withdrawn and no one can read it again. The case {#if\
             m.notTriaged}had not been triaged yet.{#else if m.decided}had already been decided, so the decision\
             stands.{#else}has ended.{/if}""")
    String consentWithdrawn(EvidenceLetters.ConsentWithdrawn m);

    @Message("The complainant has added evidence")
    String evidenceAddedSubject();

    @Message("""
            The complainant has added evidence to the case since the allegation was put to you: {#switch m.kind}\
            {#case 'file'}a file (a screenshot or document){#case 'link'}a link to a post{#else}an excerpt of the\
             exchange{/switch}, given on {m.givenAt.day}. You can read it on your case page, under Evidence. It will be\
             considered with everything else, and you may answer it: if the investigation report has been sent to you, in\
             your comment on it.""")
    String evidenceAdded(EvidenceLetters.EvidenceAdded m);
}
