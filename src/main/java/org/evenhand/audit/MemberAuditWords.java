package org.evenhand.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The words of the audit's pages for members: the confidence survey and declaring a faction (templates/AuditPages
 * survey*, faction; decision 0036). English here; Welsh in messages/audit_cy.properties. The faction notice is a
 * versioned English text.
 */
@MessageBundle("audit")
public interface MemberAuditWords {

    /** A faction by its code; a configured faction with no words here is called by its configured name. */
    @Message("{label}")
    String faction(String code, String label);

    @Message("How did it feel?")
    String surveyCrumb();

    @Message("Optional \u00b7 anonymous")
    String surveyEyebrow();

    @Message("How did the process feel?")
    String surveyTitle();

    @Message("When a case of yours ends, we ask you four short questions about how you were treated. The party publishes"
            + " what members say, so that everyone can see whether people trust the process, whatever their faction.")
    String surveyLede();

    @Message("Cases you can tell us about")
    String openTitle();

    @Message("There is nothing for you to answer at the moment. You are asked about each case of yours when it ends, and"
            + " you can answer for {days} days after that.")
    String nothingOpen(int days);

    @Message("You were the {#if respondent}member complained about{#else}complainant{/if}. Outcome:"
            + " {#switch band}{#case 'upheld'}upheld{#case 'not-upheld'}not upheld{#case 'dismissed-at-triage'}dismissed at"
            + " triage{/switch}. You can answer until {closes.date}.")
    String invitation(boolean respondent, String band, LocalDate closes);

    @Message("Answer four questions")
    String answer();

    @Message("about case {ref}")
    String aboutCase(String ref);

    @Message("What we keep")
    String keepTitle();

    @Message("Your answers are kept without your name, your membership number or the case: only whether you complained"
            + " or were complained about, whether the complaint was upheld, not upheld or dismissed at triage, the quarter"
            + " of the year you answered in and, if you choose, the faction you have declared for the fairness audit. We"
            + " note that you have answered, so that nobody can answer twice, but not what you said or when.")
    String keepText();

    @Message("Because nothing links your answers to you, they cannot be changed or withdrawn once sent. Figures are"
            + " published only for groups of {threshold} or more, so nobody can be picked out.")
    String cannotChange(int threshold);

    @Message("anonymous")
    String anonymous();

    @Message("Think about the whole process, from your {#if respondent}being told of the complaint{#else}complaint{/if}"
            + " to its end. Nobody handling cases will see your answers, and they are kept without your name.")
    String thinkAbout(boolean respondent);

    @Message("""
            {#switch q}{#case 'heard'}I was heard{#case 'neutral'}The people who handled the case were neutral\
            {#case 'respect'}I was treated with respect{#case 'trust'}I trust the outcome{/switch}""")
    String question(String q);

    @Message("""
            {#switch q}{#case 'heard'}I could say what I needed to, and it was taken into account.\
            {#case 'neutral'}They took no side before deciding, whoever the members were.\
            {#case 'trust'}It was reached fairly, whether or not it was the outcome I wanted.{/switch}""")
    String questionHint(String q);

    @Message("From 1, strongly disagree, to 5, strongly agree.")
    String scaleHint();

    @Message("""
            {#switch n}{#case 1}1 \u00b7 Strongly disagree{#case 2}2 \u00b7 Disagree{#case 3}3 \u00b7 Neither agree nor\
             disagree{#case 4}4 \u00b7 Agree{#case 5}5 \u00b7 Strongly agree{/switch}""")
    String scale(int n);

    @Message("Count my answers under the faction I have declared ({audit:faction(code, label)})")
    String withFaction(String code, String label);

    @Message("So that the fairness audit can show whether members of every faction trust the process alike. Only the"
            + " faction's name is kept with your answers, not who you are; a group's figures are published only when"
            + " {threshold} or more people are in it. Leave this unticked and your answers count under \u201cno faction"
            + " given\u201d.")
    String withFactionHint(int threshold);

    @Message("Send my answers")
    String send();

    @Message("Not now")
    String notNow();

    @Message("Once sent, your answers cannot be changed or withdrawn: nothing links them to you. You can answer until"
            + " {closes.date}.")
    String onceSent(LocalDate closes);

    @Message("Thank you")
    String thanks();

    @Message("Your answers are recorded, without your name or your case. They will count in the next fairness report the"
            + " party publishes.")
    String recorded();

    @Message("Back to my cases")
    String backToCases();

    @Message("Any other cases to tell us about")
    String otherCases();

    // ------------------------------------------------------------ declaring a faction

    @Message("Your faction, for the fairness audit")
    String factionTitle();

    @Message("Your faction")
    String factionCrumb();

    @Message("Optional \u00b7 for the fairness audit")
    String factionEyebrow();

    @Message("Members have said that one faction is disciplined for trivia while another says what it likes. If you tell"
            + " us which faction you identify with, the NEC can check, in aggregate, that complaints are handled alike for"
            + " all of them.")
    String factionLede();

    @Message("What we hold now")
    String holdNow();

    @Message("You have declared:")
    String declared();

    @Message("(since {since.date})")
    String since(Instant since);

    @Message("Withdrawing deletes your declaration at once. Reports made after that count you as undeclared.")
    String withdrawText();

    @Message("Withdraw and delete my declaration")
    String withdrawButton();

    @Message("You have not declared a faction. You do not have to: it makes no difference to any complaint.")
    String notDeclared();

    @Message("{#if declared}Change your declaration{#else}Declare a faction{/if}")
    String declareTitle(boolean declared);

    @Message("Which faction do you identify with?")
    String whichFaction();

    @Message("How it is used")
    String howUsed();

    @Message("Notice version {version}.")
    String noticeVersion(String version);

    @Message("I consent to my faction being used as described above")
    String consent();

    @Message("{#if declared}Change my declaration{#else}Declare{/if}")
    String declareButton(boolean declared);

    @Message("Your consent record")
    String recordTitle();

    @Message("When you gave, changed or withdrew consent. Your faction itself is never written here, nor in any log.")
    String recordHint();

    @Message("""
            {at.when}: {#switch event}{#case 'given'}consent given to notice {notice}{#case 'changed'}declaration changed,\
             under notice {notice}{#case 'withdrawn'}consent withdrawn; the declaration was deleted{/switch}""")
    String consentEvent(Instant at, String event, String notice);

    @Message("""
            {#switch code}{#case 'declared'}Your declaration is recorded. Thank you.\
            {#case 'withdrawn'}Your declaration is withdrawn and deleted.{/switch}""")
    String done(String code);
}
