package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Period;

/**
 * The words of the public pages: the start page, how to complain, how complaints work (templates/PublicPages,
 * decision 0036). English here; each other language in messages/public_<tag>.properties. Messages read with
 * {@code .raw} hold links and no one's input.
 */
@MessageBundle("public")
public interface PublicWords {

    @Message("Evenhand \u2013 complaints about abuse between members")
    String homeTitle();

    @Message("The party\u2019s complaints process")
    String homeEyebrow();

    @Message("Complaints about abuse between members, handled the same way for everyone")
    String homeHeading();

    @Message("If another member has abused you, online or in person, you can complain here. Every complaint is judged"
            + " against one published definition of abuse, by people with no connection to either side, whatever their"
            + " views or office.")
    String homeLede();

    @Message("Go to your start page")
    String goToStart();

    @Message("How to make a complaint")
    String howToMake();

    @Message("The definition of abuse")
    String cardDefinition();

    @Message("What members must not do, what is not abuse however strongly someone objects to it, and the sanctions a"
            + " panel may impose.")
    String cardDefinitionText();

    @Message("Each stage from triage to appeal, who does it, how long it should take, and the safeguards at every step.")
    String cardProcessText();

    @Message("What you need before you start, what happens to your complaint, and when you will hear from us.")
    String cardComplainText();

    @Message("What we hold about you, who can see it, how long we keep it, and your rights.")
    String cardPrivacyText();

    @Message("Your areas")
    String yourAreas();

    @Message("complaints you made and complaints about you.")
    String areaMe();

    @Message("your tasks and the cases you handle.")
    String areaWork();

    @Message("how outcomes compare across groups of members.")
    String areaAudit();

    @Message("requests, retention and legal holds.")
    String areaDpo();

    // ------------------------------------------------------------ how to complain

    @Message("How to make a complaint about another member\u2019s conduct, what you need, and what happens next.")
    String complainDescription();

    @Message("Before you start")
    String beforeYouStart();

    @Message("You can complain about another member\u2019s conduct towards you, online or in person, if it breaches the"
            + " party\u2019s definition of abuse.")
    String complainLede();

    @Message("If you are in danger, or have been threatened with violence")
    String dangerTitle();

    @Message("Contact the police on 999, or 101 if it is not an emergency. You can complain here as well.")
    String dangerText();

    @Message("1. Check the definition of abuse")
    String step1();

    @Message("Read the <a href=\"/definition\">definition of abuse</a>. Each clause has a test and examples of what is and"
            + " is not a breach. Read <a href=\"/definition#not-abuse\">what is not abuse</a> too: robust political"
            + " disagreement, criticism of people in public office and satire are not abuse, and a complaint that rests"
            + " only on them will be closed at triage.")
    String step1Text();

    @Message("2. Have these ready")
    String step2();

    @Message("who the member is: their name, or their membership number if you know it;")
    String haveWho();

    @Message("the date it happened (the latest date, if it went on for a while);")
    String haveWhen();

    @Message("what was said or done, and where;")
    String haveWhat();

    @Message("any evidence: the text of the post or message, a screenshot or a PDF, and the messages before it. Give only"
            + " evidence from an exchange you took part in, or that was addressed to you.")
    String haveEvidence();

    @Message("3. Make the complaint")
    String step3();

    @Message("You need to sign in with your party account. It takes about ten minutes. You can add more evidence later.")
    String step3Text();

    @Message("What happens next")
    String whatNext();

    @Message("A caseworker with no connection to either of you triages your complaint, usually within {p.inWords}. We"
            + " write to you either way.")
    String nextTriage(Period p);

    @Message("If the complaint goes ahead, the member complained about is told the allegation and has {p.inWords} to"
            + " respond. They will see your evidence, but not your contact details.")
    String nextRespondent(Period p);

    @Message("An investigator looks into it, then a panel of three decides, usually within {investigation.inWords} and"
            + " {panel.inWords} respectively. You will get the decision and the reasons.")
    String nextPanel(Period investigation, Period panel);

    @Message("Either of you can appeal within {p.inWords}.")
    String nextAppeal(Period p);

    @Message("You can follow every step, and every letter we send, on your case page under <a href=\"/me\">My cases</a>."
            + " <a href=\"/process\">How complaints work</a> explains each stage in full.")
    String followEveryStep();

    // ------------------------------------------------------------ how complaints work

    @Message("Each stage of a complaint, from triage to appeal: who handles it, how long it takes, and the safeguards at"
            + " each step.")
    String processDescription();

    @Message("One process for every case")
    String oneProcess();

    @Message("Every complaint goes through the same stages, in the same order, with the same time limits. Nobody from"
            + " either member\u2019s local party (CLP) handles the case, and the people who decide it are drawn at random.")
    String processLede();

    @Message("A caseworker \u00b7 target {p.inWords}")
    String triageMeta(Period p);

    @Message("A caseworker checks whether the conduct, if it were shown, could breach a clause of the <a"
            + " href=\"/definition\">definition of abuse</a> in force on the date of the conduct. If it could not, the"
            + " complaint is closed and the complainant is told why; <strong>the member complained about is never"
            + " told</strong>. If it could, the caseworker records which clauses are engaged and the lawful basis for"
            + " using the evidence.")
    String triageText();

    @Message("The respondent is told, and may respond")
    String respondentTitle();

    @Message("The member complained about \u00b7 {p.inWords} to respond")
    String respondentMeta(Period p);

    @Message("The member complained about (the respondent) receives the allegation and the clauses engaged, and can see"
            + " the complainant\u2019s evidence. They may send their account and their own evidence. The case moves on"
            + " when they respond or when the time runs out.")
    String respondentText();

    @Message("An investigator drawn at random \u00b7 target {p.inWords}")
    String investigationMeta(Period p);

    @Message("An investigator establishes the facts from the complaint, the response and the evidence, reading each"
            + " message in its context, and writes a report. The investigator never sits on the panel.")
    String investigationText();

    @Message("Three panel members drawn at random \u00b7 target {p.inWords}")
    String panelMeta(Period p);

    @Message("Three panel members decide, each on their own: whether each clause is breached, and the sanction. They work"
            + " <strong>blind</strong>: they see \u201cComplainant\u201d and \u201cRespondent\u201d, never names, local"
            + " parties or anything else about who they are. A clause is upheld when two of the three uphold it; the"
            + " sanction must be one the definition allows for the clauses upheld.")
    String panelText();

    @Message("Both are told, and either may appeal")
    String toldTitle();

    @Message("Either member \u00b7 {p.inWords} to appeal")
    String toldMeta(Period p);

    @Message("Both members receive the decision with the panel\u2019s reasons. Either may appeal if the procedure was not"
            + " followed, if no reasonable panel could have reached the finding, or with new evidence that was not"
            + " available before.")
    String toldText();

    @Message("Appeal")
    String appealTitle();

    @Message("Three new panel members \u00b7 target {p.inWords}")
    String appealMeta(Period p);

    @Message("Three panel members who took no part in the case hear the appeal. They dismiss it, or allow it and"
            + " substitute their own decision. This is the final stage.")
    String appealText();

    @Message("Safeguards at every stage")
    String safeguards();

    @Message("Targets with escalation.")
    String targetsTitle();

    @Message("Each stage has a target time, and your case page shows the date each stage is expected by. Staff are"
            + " reminded before a target passes; when it passes, the case goes to a complaints manager, who can hand the"
            + " work to someone else, so that it cannot be left to drift.")
    String targetsText();

    @Message("Reminders before your time runs out.")
    String remindersTitle();

    @Message("A few days before your time to respond, to comment on the investigation report or to appeal ends, we write"
            + " to remind you.")
    String remindersText();

    @Message("Evidence only from the people involved.")
    String evidenceTitle();

    @Message("Only the members in the exchange give evidence, each item with their consent, and every reading of it is"
            + " recorded. Withdrawing consent sends the case back to triage without that item.")
    String evidenceText();

    @Message("Interim suspension is not a sanction.")
    String suspensionTitle();

    @Message("In a serious case a caseworker may suspend the respondent while the case is open, with written reasons. It"
            + " is reviewed every {p.inWords}, lapses unless renewed, and ends when the case does.")
    String suspensionText(Period p);

    @Message("A record nobody can quietly change.")
    String trailTitle();

    @Message("Every action is written to a tamper-evident trail.")
    String trailText();

    @Message("The process as the system runs it (a technical diagram)")
    String diagramTitle();

    @Message("This is the process definition the system runs, so the diagram and the process cannot drift apart. It is"
            + " drawn for the technically minded, with the engine\u2019s own labels in English; the stages are described"
            + " in words above.")
    String diagramText();
}
