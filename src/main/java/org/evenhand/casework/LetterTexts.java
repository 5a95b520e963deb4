package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the letters on a complaint's course to its decision (templates/letters, decision 0036), each
 * fed its model; a letter is rendered in its recipient's language (CaseLetters). English here; each other
 * language in messages/letter_<tag>.properties. Dates by the letter's language ({@code .date}, {@code .day}).
 */
@MessageBundle("letter")
public interface LetterTexts {

    @Message("We have received your complaint")
    String receivedSubject();

    @Message("""
            Thank you. Your complaint about {m.respondentName} has been received and will be triaged by a caseworker with\
             no connection to either of you. It will be judged against version {m.version} of the published definition\
             of abuse, the one in force on the date of the conduct. We will write again once it has been triaged.

            {#if m.anonymityAsked}You asked for your name to be kept from {m.respondentName}. The caseworker decides this\
             at triage, and you will be told what they decide and why before {m.respondentName} is told anything.\
            {#else}If the complaint goes ahead, {m.respondentName} will be told what you allege and that the complaint is\
             yours.{/if}""")
    String acknowledged(Letters.Acknowledged m);

    @Message("""
            Thank you. Your complaint about {m.respondentName} has been received. Other members have complained about the\
             same conduct, so your complaint has been joined to theirs and the case will be handled once, by a caseworker\
             with no connection to the member complained about. How many people complained plays no part in the\
             decision: the conduct is judged against version {m.version} of the published definition of abuse on its\
             merits. No other complainant sees your complaint or your name, and {m.respondentName} is never told your\
             name: only how many others complained. We will write again once it has been triaged.""")
    String joined(Letters.Joined m);

    @Message("Your complaint is outside the definition of abuse")
    String dismissedSubject();

    @Message("""
            A caseworker has found that the conduct you describe does not engage any clause of version {m.version} of the\
             definition of abuse, so it will not be taken further.

            Their reasons: {m.reasons}

            The respondent has not been told of your complaint. If you have new information, you may make a fresh\
             complaint.

            {letter:howDidItFeel}""")
    String dismissed(Letters.Dismissed m);

    @Message("How did the process feel to you? You can tell us anonymously, in four short questions: under 'My cases',"
            + " choose 'How did it feel?'.")
    String howDidItFeel();

    @Message("A complaint has been made about your conduct")
    String allegationSubject();

    @Message("""
            A complaint has been made about conduct of yours on {m.conductDate.date}. A caseworker has found that, if it\
             were shown, it could breach these clauses of version {m.version} of the definition of abuse:
            {#for c in m.clauses}
            - {c.title}
            {/for}

            {#if m.complainant}The complaint was made by {m.complainant}.{#else}The complainant asked for their name to\
             be kept from you, and the caseworker agreed that there was good reason, so they are called "the\
             complainant" throughout.{/if}

            The allegation:
            {m.allegation}
            {#if m.othersJoined > 0}

            {#if m.othersJoined == 1}1 other member{#else}{m.othersJoined} other members{/if} also complained about the\
             same conduct; their complaints have been joined to this one and are considered with it. They are not named\
             to you. How many people complained plays no part in the decision.
            {/if}

            Nothing has been decided. You may send your response, with any context you think matters, by {m.due.day}.\
             After that the case goes to an independent investigator and then to a panel of three members who have no\
             connection to you or the complainant.""")
    String allegation(Letters.Allegation m);

    @Message("Your complaint will be investigated")
    String acceptedSubject();

    @Message("""
            Your complaint has passed triage. It engages: {#for c in m.clauses}{#if !c_isFirst}{#if c_hasNext}, {#else}\
             and {/if}{/if}{c.title}{/for}. The respondent has been told of the allegation and has until {m.due.day} to\
             respond. An investigator will then look into it.""")
    String accepted(Letters.Accepted m);

    @Message("""
            {#if !m.again}An item of evidence has been withdrawn from your case{#else if m.toRespondent}The case about you\
             is being triaged again{#else}Your case is being triaged again{/if}""")
    String backToTriageSubject(Letters.BackToTriage m);

    @Message("""
            Consent for an item of evidence on this case has been withdrawn, so that item can no longer be used or read by\
             anyone. {#if m.again}The case goes back to triage and will be looked at afresh without it; any panel already\
             drawn stands down.{#else}The case has not been triaged yet; triage goes on without it.{/if}""")
    String backToTriage(Letters.BackToTriage m);

    @Message("{#if m.granted}Your name will not be shared{#else}Your name will be shared{/if}")
    String nameSharedSubject(Letters.NameShared m);

    @Message("""
            {#if m.granted}You asked for your name to be kept from {m.respondentName}, and the caseworker has agreed.\
             {m.respondentName} is being told the allegation, but not that the complaint is yours: you are "the\
             complainant" in everything they see, and that will not change.{#else if m.asked}You asked for your name to be\
             kept from {m.respondentName}, and the caseworker has decided against it. {m.respondentName} is being told\
             the allegation and that the complaint is yours.{#else}As the complaint form said, {m.respondentName} is\
             being told the allegation and that the complaint is yours.{/if}
            {#if m.asked}

            The caseworker's reasons:
            {m.reasons}
            {/if}

            If anyone treats you badly because you complained, tell us on your case page: that is a breach in itself.""")
    String nameShared(Letters.NameShared m);

    @Message("""
            {#if m.what == 'respond'}Reminder: your response is due by {m.due.day}{#else if m.what == 'comment'}Reminder:\
             comments on the investigation report close on {m.due.day}{#else}Reminder: the time to appeal ends on\
             {m.due.day}{/if}""")
    String reminderSubject(Letters.Reminder m);

    @Message("""
            {#if m.what == 'respond'}You have until {m.due.day} to respond to the allegation. If we have nothing from you by\
             then, the case goes on to investigation without your response. You can respond from your case page.\
            {#else if m.what == 'comment'}You have until {m.due.day} to comment on the investigation report. Your comment\
             goes to the panel with the report; you may comment once. If you do not wish to comment, you need do\
             nothing.{#else}You have until {m.due.day} to appeal against the panel's decision, on one of the grounds your\
             case page lists. After that date the decision stands and the case is closed.{/if}""")
    String reminder(Letters.Reminder m);

    @Message("The investigation report is ready for your comments")
    String reportReadySubject();

    @Message("""
            The investigator has finished. Their report is on your case page, where you can read it in full.\
             {#if m.toRespondent && !m.complainantNamed}The complainant's name and the names of anyone else are struck\
             out.{#else if m.toRespondent}The names of anyone other than you and the complainant are struck out.{#else}The\
             names of anyone other than you and the member you complained about are struck out.{/if}

            You may send one comment on the report by {m.closes.day}. Your comment goes to the panel of three members who\
             will decide the case, together with the report; the panel does not see your name. If you do not wish to\
             comment, you need not do anything: the panel is drawn when the time to comment ends, or as soon as everyone\
             has commented.""")
    String reportReady(Letters.ReportReady m);

    @Message("The panel's decision")
    String decisionSubject();

    /** A finding in a letter's list: "upheld by 2 of 3 panel members". */
    @Message("""
            {f.title}: {#if f.upheld}upheld{#else}not upheld{/if}{#if f.split}{#if f.split.unanimous} unanimously\
            {#else if f.split.amongAllowing} by {f.split.agreeing} of the {f.split.of} panel members who allowed the\
             appeal{#else} by {f.split.agreeing} of {f.split.of} panel members{/if}{/if}""")
    String finding(Letters.FindingLine f);

    /** The sanction of an upheld decision, or none. */
    @Message("""
            {#if !upheld}No sanction: no clause was upheld.{#else if s.noAction}Sanction: {labels:sanctionFor(s.code,\
             s.title, s.months)}, the lowest rung of the sanction ladder, for a breach that is upheld but minor or already\
             put right: the finding is recorded on the case and no sanction is imposed.{#else}Sanction:\
             {labels:sanctionFor(s.code, s.title, s.months)}{/if}""")
    String sanction(boolean upheld, Letters.SanctionWords s);

    @Message("""
            The panel has decided your case under version {m.version} of the definition of abuse.

            {#for f in m.findings}
            - {letter:finding(f)}
            {/for}

            {letter:sanction(m.upheld, m.sanction)}

            The panel's reasons:
            {m.reasons}

            Either party may appeal by {m.appealBy.day} on one or more of these grounds: a failure of procedure, a finding\
             no reasonable panel could make, or new evidence that was not available before. The appeal is heard by three\
             panel members who took no part in this decision.

            When the case closes, you can tell us anonymously how the process felt to you, in four short questions: under\
             'My cases', choose 'How did it feel?'.""")
    String decision(Letters.PanelDecision m);

    @Message("An appeal has been lodged")
    String appealLodgedSubject();

    @Message("""
            {#if m.party == 'respondent'}The respondent{#else}The complainant{/if} has appealed against the panel's\
             decision on {#if m.grounds.size == 1}this ground{#else}these grounds{/if}: {#for g in m.grounds}\
            {#if !g_isFirst}{#if g_hasNext}, {#else} and {/if}{/if}{labels:groundInText(g)}{/for}. A new panel of three\
             will hear it.""")
    String appealLodged(Letters.AppealLodged m);

    @Message("The outcome of the appeal")
    String appealDecisionSubject();

    @Message("""
            {#if m.allowed}
            The appeal panel has allowed the appeal{#if m.vote}{#if m.vote.unanimous} unanimously{#else}, by\
             {m.vote.agreeing} of {m.vote.of} panel members,{/if}{/if} and substituted this decision:

            {#for f in m.findings}
            - {letter:finding(f)}
            {/for}

            {letter:sanction(m.upheld, m.sanction)}
            {#else}
            The appeal panel has dismissed the appeal{#if m.vote}{#if m.vote.unanimous} unanimously{#else}, by\
             {m.vote.agreeing} of {m.vote.of} panel members{/if}{/if}; the panel's decision stands.
            {/if}

            The appeal panel's reasons:
            {m.reasons}

            This is the final stage of the process: the case is now closed.

            {letter:howDidItFeel}""")
    String appealDecision(Letters.AppealDecision m);
}
