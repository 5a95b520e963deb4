package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.evenhand.casework.rules.PanelTally;

/**
 * The words for the codes a member's pages and letters carry (decision 0036): stages, deadlines,
 * roles, appeal grounds, sanctions, the ends of a case. Never the code itself: a code with no words
 * here reads as nothing. English here; each other language in messages/labels_<tag>.properties.
 */
@MessageBundle("labels")
public interface CaseLabels {

    @Message("""
            {#switch step}{#case 'received'}Triage{#case 'triage'}Triage{#case 'awaitResponse'}Respondent\u2019s response\
            {#case 'investigate'}Investigation{#case 'commentWindow'}Comments on the report\
            {#case 'panelDecision'}Panel decision{#case 'appealWindow'}Appeal window{#case 'hearAppeal'}Appeal hearing\
            {#case 'closed'}Closed{#case 'dismissed'}Dismissed at triage{#case 'withdrawn'}Withdrawn{/switch}""")
    String stage(String step);

    /** A stage in the list of stages on the case page; the two early ends say what they mean. */
    @Message("""
            {#switch step}{#case 'dismissed'}Closed at triage: outside the definition\
            {#case 'withdrawn'}Withdrawn: the case is closed{#else}{labels:stage(step)}{/switch}""")
    String step(String step);

    @Message("""
            {#switch step}{#case 'received'}The complaint has been received and is about to be offered to a caseworker\
             for triage.\
            {#case 'triage'}A caseworker is checking whether the complaint engages the definition of abuse.\
            {#case 'awaitResponse'}The respondent has been told of the allegation and may respond.\
            {#case 'investigate'}An investigator is establishing the facts.\
            {#case 'commentWindow'}Both parties have the investigation report and may each comment on it once; the\
             comments go to the panel.\
            {#case 'panelDecision'}A panel of three is deciding the case.\
            {#case 'appealWindow'}The decision has been sent; either party may appeal.\
            {#case 'hearAppeal'}A new panel of three is hearing the appeal.\
            {#case 'closed'}The case has concluded.\
            {#case 'dismissed'}The complaint did not engage the definition of abuse.\
            {#case 'withdrawn'}The complaint was withdrawn before any decision; the case is closed.{/switch}""")
    String explanation(String step);

    /** A deadline a party reads: their own windows by name, a staff stage by the date it is expected by. */
    @Message("""
            {#switch step}{#case 'awaitResponse'}Response due{#case 'commentWindow'}Comments on the report close\
            {#case 'appealWindow'}Appeal window closes{#case 'reviewSuspension'}Interim suspension review\
            {#case 'triage'}Triage expected by{#case 'investigate'}Investigation expected by\
            {#case 'panelDecision'}Panel decision expected by{#case 'hearAppeal'}Appeal hearing expected by{/switch}""")
    String deadline(String step);

    /** A party's role as a heading or a table cell reads it. */
    @Message("{#switch role}{#case 'complainant'}Complainant{#case 'respondent'}Respondent{/switch}")
    String role(String role);

    /** A party's role inside a sentence ("you are the complainant"). */
    @Message("{#switch role}{#case 'complainant'}the complainant{#case 'respondent'}the respondent{/switch}")
    String theRole(String role);

    @Message("""
            {#switch ground}{#case 'procedural-failure'}The procedure was not followed\
            {#case 'perverse-finding'}No reasonable panel could have reached this finding\
            {#case 'new-evidence'}New evidence that was not available before{/switch}""")
    String ground(String ground);

    /** An appeal ground inside a sentence ("on these grounds: a failure of procedure and ..."). */
    @Message("""
            {#switch ground}{#case 'procedural-failure'}a failure of procedure\
            {#case 'perverse-finding'}a finding no reasonable panel could make\
            {#case 'new-evidence'}new evidence that was not available before{/switch}""")
    String groundInText(String ground);

    /** A sanction by its rung's code; in English, its title on the published ladder. */
    @Message("{title}")
    String sanction(String code, String title);

    /** A sanction inside a sentence ("your formal warning has ended"); in English, its title and term in lower case. */
    @Message("{inText}")
    String sanctionInText(String code, String inText, Integer months);

    /** A suspension's term. */
    @Message("{#if months == 1}1 month{#else}{months} months{/if}")
    String months(int months);

    /** A sanction with its term: "Suspension for 6 months". */
    @Message("{#if months}{labels:sanction(code, title)} for {labels:months(months)}{#else}{labels:sanction(code, title)}{/if}")
    String sanctionFor(String code, String title, Integer months);

    @Message("""
            {#switch tier}{#case 1}Tier 1 \u2014 low{#case 2}Tier 2 \u2014 moderate{#case 3}Tier 3 \u2014 serious\
            {#case 4}Tier 4 \u2014 grave{#else}Tier {tier}{/switch}""")
    String tier(int tier);

    @Message("{#if upheld}Upheld{#else}Not upheld{/if}")
    String finding(boolean upheld);

    /** How a panel divided on a finding. */
    @Message("""
            {#if s.unanimous}unanimously{#else if s.amongAllowing}by {s.agreeing} of the {s.of} panel members who\
             allowed the appeal{#else}by {s.agreeing} of {s.of} panel members{/if}""")
    String split(PanelTally.Split s);

    /** How an appeal panel divided on the appeal. */
    @Message("""
            {#if s.unanimous}{#if s.upheld}Allowed{#else}Dismissed{/if} unanimously by the appeal panel.\
            {#else}{#if s.upheld}Allowed{#else}Dismissed{/if} by {s.agreeing} of {s.of} appeal panel members.{/if}""")
    String appealVote(PanelTally.Split s);

    /** A decision's heading: the panel's, or the appeal's outcome. */
    @Message("""
            {#if bench == 'appeal'}{#if allowed}Appeal allowed{#else}Appeal dismissed{/if}\
            {#else}The panel\u2019s decision{/if}""")
    String decisionHeading(String bench, boolean allowed);

    // ------------------------------------------------------------ a decision (tags/decision.html)

    @Message("Finding on each clause")
    String findingCaption();

    @Message("Clause")
    String clause();

    @Message("Finding")
    String findingHeader();

    @Message("No sanction: no clause was upheld.")
    String noSanction();

    @Message("Sanction:")
    String sanctionIs();

    @Message(", the lowest rung of the sanction ladder, for a breach that is upheld but minor or already put right: the"
            + " finding is recorded on the case and no sanction is imposed.")
    String noActionMeans();

    @Message("The panel departed from the sanction ladder")
    String departed();

    @Message("Reasons")
    String reasons();

    // ------------------------------------------------------------ a member's case page

    /** What happened, for the events on a party's timeline that are not letters (letters keep their words as sent). */
    @Message("""
            {#switch e.event}{#case 'responded'}The respondent sent their response\
            {#case 'no-response'}The response window closed without a response; the case moves to investigation\
            {#case 'closed-withdrawn'}The complaint was withdrawn; the case is closed\
            {#case 'closed'}The case is closed\
            {#case 'investigation'}The case is being investigated\
            {#case 'to-panel'}The investigation is complete; the case goes to a panel\
            {#case 'report-comment'}{#if e.by == 'respondent'}The respondent{#else}The complainant{/if} commented on\
             the investigation report; the comment goes to the panel\
            {#case 'appeal-lodged'}{#if e.by == 'respondent'}The respondent{#else}The complainant{/if} has appealed\
             against the panel's decision on {#if e.grounds.size == 1}this ground{#else}these grounds{/if}:\
             {#for g in e.grounds}{#if !g_isFirst}{#if g_hasNext}, {#else} and {/if}{/if}{labels:groundInText(g)}{/for}.\
             A new panel of three will hear it.\
            {#case 'message'}You sent a message to your caseworker; it is under Messages on this page{/switch}""")
    String event(MemberEvents.Row e);

    /** What a member's form did, on the page it brings them back to. */
    @Message("""
            {#switch code}{#case 'filed'}Your complaint has been received. A caseworker with no connection to either of\
             you will triage it, and we will write to you when they have.\
            {#case 'responded'}Your response has been sent. It goes to the investigator with the complaint.\
            {#case 'appealed'}Your appeal has been lodged. A new panel of three will hear it; both of you have been told.\
            {#case 'evidence'}Your evidence has been added to the case.\
            {#case 'withdrawn'}Your consent is withdrawn. No one can read that item again.\
            {#case 'complaint-withdrawn'}Your complaint is withdrawn and the case is closed. We have written to you to\
             confirm it.\
            {#case 'part-withdrawn'}You have withdrawn from the complaint. The case goes on for the other members who\
             complained.\
            {#case 'commented'}Your comment on the investigation report has been sent. It goes to the panel with the\
             report.\
            {#case 'message'}Your message has been sent to your caseworker. We will email you when they reply.{/switch}""")
    String done(String code);

    /** A form for a window that has closed (409). */
    @Message("""
            {#switch action}{#case 'respond'}The time to respond to the allegation on case {ref} is not open, or you are\
             not the respondent.\
            {#case 'appeal'}The time to appeal on case {ref} is not open, or an appeal has already been lodged.\
            {#case 'comment'}The time to comment on the investigation report on case {ref} is not open, or you have\
             already commented.{/switch}""")
    String notOpen(String action, String ref);
}
