package org.evenhand.evidence;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Instant;

/**
 * The words of a member's evidence pages and fields (templates/EvidencePages, decision 0036). English here; each
 * other language in messages/ev_<tag>.properties. The consent notice itself is a versioned text, in English.
 */
@MessageBundle("ev")
public interface EvidencePageWords {

    @Message("The words of the post or message")
    String words();

    @Message("Copy the text exactly as it appeared.")
    String wordsHint();

    @Message("A link to the post")
    String link();

    @Message("We keep the address only; nobody\u2019s account is looked at by the process itself.")
    String linkHint();

    @Message("A screenshot or document")
    String file();

    @Message("PNG, JPEG or PDF, up to {maxMb} MB. We keep a copy of a picture without its hidden details, such as where a"
            + " photo was taken. A PDF must not contain scripts or attached files: if yours is refused, print it to a new"
            + " PDF or send a screenshot.")
    String fileHint(long maxMb);

    @Message("The messages before it")
    String before();

    @Message("(optional)")
    String optional();

    @Message("Context matters: who started the exchange, and what was said first. Put each earlier message in its own"
            + " paragraph, oldest first, with a blank line between them.")
    String beforeHint();

    @Message("How your evidence is used")
    String howUsed();

    @Message("Notice {version}.")
    String noticeVersion(String version);

    @Message("Read the full <a href=\"/privacy\">privacy notice</a>.")
    String readPrivacy();

    @Message("I took part in this exchange, or it was addressed to me")
    String attest();

    @Message("I consent to this evidence being used as described above")
    String consent();

    @Message("Give an excerpt, a link or a file (or more than one). Give only messages, posts or documents from an"
            + " exchange you took part in, or that were addressed to you.")
    String addLede();

    @Message("Add the evidence")
    String addButton();

    @Message("Evidence item {id}")
    String item(long id);

    @Message("This reading has been recorded, as every reading is.")
    String readingRecorded();

    @Message("{#if kind == 'link'}The link{#else}The post or message{/if}")
    String itemHeading(String kind);

    @Message("Shown as text, not as a link: Evenhand never opens links given as evidence. Copy it into your browser only"
            + " if you choose to.")
    String linkAsText();

    @Message("Withdraw your consent")
    String withdrawTitle();

    @Message("given on {at.date}")
    String givenOn(Instant at);

    @Message("If you withdraw your consent:")
    String ifYouWithdraw();

    @Message("the item is sealed at once, and no one, including you, can read it again;")
    String sealed();

    @Message("if the case is still being handled, it goes back to triage and is looked at afresh without the item, and any"
            + " panel already drawn stands down;")
    String backToTriage();

    @Message("if the case has already been decided, the decision stands.")
    String decisionStands();

    @Message("I want to withdraw my consent for this item")
    String confirm();

    @Message("Keep the item")
    String keep();

    @Message("Case {ref} has ended; no more evidence can be added.")
    String ended(String ref);
}
