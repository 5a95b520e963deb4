package org.evenhand.intake;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * The words of the complaint form (templates/FilingPages, decision 0036). English here; each other language
 * in messages/filing_<tag>.properties. Messages read with {@code .raw} hold links and no one's input.
 */
@MessageBundle("filing")
public interface FilingWords {

    @Message("Tell us who, when and what happened. A caseworker with no connection to either of you will check it against"
            + " the <a href=\"/definition\">definition of abuse</a>. The member you complain about is told only if it"
            + " engages the definition; they are then told what you allege and that the complaint is yours, unless you ask"
            + " for your name to be kept from them and a caseworker agrees (section 6).")
    String lede();

    @Message("Who is the complaint about?")
    String who();

    @Message("You are complaining about")
    String complainingAbout();

    @Message("To choose someone else, search again below.")
    String searchAgain();

    @Message("{#if chosen}Search for a different member{#else}Their name or membership number{/if}")
    String searchLabel(boolean chosen);

    @Message("Type at least 2 letters of their name, or their membership number, then choose them from the list.")
    String searchHint();

    @Message("Find member")
    String findMember();

    @Message("{n} {#if n == 1}member{#else}members{/if} found")
    String membersFound(int n);

    /** For the script that searches as you type: %s is what was typed. */
    @Message("No member matches \u201c%s\u201d. Check the spelling, or use their membership number.")
    String noMatchScript();

    /** For the script that searches as you type: %s is how many. */
    @Message("Members found: %s")
    String foundScript();

    @Message("Choose the member")
    String chooseMember();

    @Message("When did it happen?")
    String when();

    @Message("If it went on over several days, give the date of the latest incident. The definition of abuse in force on"
            + " this date is the one that applies.")
    String dateHint();

    @Message("Which parts of the definition were breached?")
    String which();

    @Message("Choose every clause you think the conduct breached. Read what is <em>not</em> abuse too: a complaint about"
            + " conduct described there will be closed at triage. The caseworker decides which clauses are engaged; you do"
            + " not have to get this exactly right.")
    String whichHint();

    @Message("Clauses of version {version}")
    String clausesOfVersion(String version);

    @Message("applies to conduct {#if until}from {from.date} to {until.date}{#else}on or after {from.date}{/if}")
    String appliesTo(LocalDate from, LocalDate until);

    @Message("This is not abuse")
    String notAbuse();

    @Message("Binding on caseworkers and panels, exactly as the clauses are.")
    String notAbuseLead();

    @Message("Examples")
    String examples();

    @Message("of")
    String examplesOf();

    @Message("What happened?")
    String what();

    @Message("Describe what they did")
    String describe();

    @Message("Say what was said or done, where (which group, page or meeting), and why it breaches the clauses you chose."
            + " Stick to what happened; the respondent will read this if the complaint goes ahead.")
    String describeHint();

    @Message("Link to the post or message")
    String link();

    @Message("(optional)")
    String optional();

    @Message("We never open links ourselves; the caseworker reads them with you.")
    String linkHint();

    @Message("You can add evidence now or later from the case page. Give only messages, posts or documents from an"
            + " exchange you took part in, or that were addressed to you.")
    String evidenceHint();

    @Message("Your name")
    String yourName();

    @Message("If the complaint goes ahead, the member you complain about is told what you allege <strong>and that the"
            + " complaint is yours</strong>, so that they can answer it. The panel that decides never sees your name.")
    String nameShared();

    @Message("If you fear what would happen if they knew it was you, you can ask for your name to be kept from them. A"
            + " caseworker decides when they first look at the complaint, and tells you what they decided and why before"
            + " the member is told anything. If they agree, you are \u201cthe complainant\u201d in everything the member"
            + " sees, for good. If others have already complained about the same post, your name is never shared with"
            + " the member anyway.")
    String askAnonymity();

    @Message("Ask for my name to be kept from the member I complain about")
    String keepMyName();

    @Message("Why?")
    String why();

    @Message("(only if you ask)")
    String onlyIfYouAsk();

    @Message("""
            {#switch code}{#case 'reprisal'}I fear reprisal from them, or from people close to them\
            {#case 'pile-on'}I fear a pile-on against me if my name is known\
            {#case 'other'}Another reason, which I explain below{/switch}""")
    String ground(String code);

    @Message("In your own words")
    String ownWords();

    @Message("What you fear, and why. Only the caseworker reads this; the member you complain about never does.")
    String ownWordsHint();

    @Message("Send the complaint")
    String send();
}
