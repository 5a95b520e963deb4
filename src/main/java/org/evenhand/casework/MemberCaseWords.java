package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Instant;
import java.time.Period;

/**
 * The words of a member's case pages (templates/MemberCasePages, decision 0036). English here; each
 * other language in messages/my_<tag>.properties. Messages read with {@code .raw} hold links and no one's input.
 */
@MessageBundle("my")
public interface MemberCaseWords {

    @Message("Case {ref}")
    String caseRef(String ref);

    @Message("{#if complainant}Your complaint about {other}{#else}The complaint about you{/if}")
    String caseTitle(boolean complainant, String other);

    @Message("you are {labels:theRole(role)}")
    String youAreThe(String role);

    @Message("What you can do now")
    String whatYouCanDo();

    @Message("You may respond to the allegation.")
    String youMayRespond();

    @Message("Your response is due:")
    String responseDue();

    @Message("After that the case goes to an investigator whether or not you respond.")
    String afterResponse();

    @Message("Respond to the allegation")
    String respondButton();

    @Message("The investigation report is ready. You may send one comment on it, which goes to the panel with the report.")
    String reportReady();

    @Message("Comments close:")
    String commentsClose();

    @Message("Comment on the report")
    String commentButton();

    @Message("Either of you may appeal against the decision.")
    String eitherMayAppeal();

    @Message("The appeal window closes:")
    String appealCloses();

    @Message("Appeal against the decision")
    String appealButton();

    @Message("Summary")
    String summary();

    @Message("Stage")
    String stage();

    @Message("{#if complainant}Complaint about{#else}Complaint from{/if}")
    String complaintFromOrAbout(boolean complainant);

    @Message("The complainant")
    String theComplainantUnnamed();

    @Message("(their name is kept from you)")
    String nameKept();

    @Message("{#if n == 1}1 other member{#else}{n} other members{/if} also complained about the same conduct. They are not"
            + " named to you.")
    String othersComplained(int n);

    @Message("On your record")
    String onYourRecord();

    @Message("It ended on {ends.date} and no longer counts for anything.")
    String sanctionEnded(Instant ends);

    @Message("From {from.date} until {ends.date}; after that it no longer counts.")
    String sanctionUntil(Instant from, Instant ends);

    @Message("From {from.date}, with no end date.")
    String sanctionNoEnd(Instant from);

    @Message("Received")
    String received();

    @Message("Date of the conduct")
    String conductDate();

    @Message("Judged under")
    String judgedUnder();

    @Message("Definition of abuse, version {version}")
    String definitionVersion(String version);

    @Message("Clauses you cited")
    String clausesYouCited();

    @Message("Clauses engaged at triage")
    String clausesEngaged();

    @Message("Clauses engaged")
    String clausesEngagedShort();

    @Message("Deadlines")
    String deadlines();

    @Message("How did it feel?")
    String howDidItFeel();

    @Message("This case has ended. You can tell us anonymously how the process felt to you, in four short questions.")
    String caseEndedSurvey();

    @Message("Tell us how it felt")
    String tellUs();

    @Message("The allegation")
    String theAllegation();

    @Message("The investigation report")
    String theReport();

    @Message("Names of people you are not to see named are struck out and replaced by who they are.")
    String namesStruck();

    @Message("Your comment on the report")
    String yourComment();

    @Message("Decisions")
    String decisions();

    @Message("The decision")
    String theDecision();

    @Message("The appeal")
    String theAppeal();

    @Message("Lodged by {labels:theRole(party)} on {at.date}, on these grounds:")
    String lodgedBy(String party, Instant at);

    @Message("Interim suspension")
    String interimSuspension();

    @Message("""
            Imposed on {s.imposedAt.date}{#if s.liftedAt}; it ended on {s.liftedAt.date}{#if s.liftReason}, because\
             {s.liftReason}{/if}.{#else if s.endsAt}, until {s.endsAt.date}{#if s.renewals > 0} (renewed {s.renewals}\
             time{#if s.renewals != 1}s{/if}){/if}. It ends then unless renewed, and never runs past its maximum\
             length.{#else}.{/if} It is a protective measure while the case is open, not a sanction, and says nothing\
             about the outcome.""")
    String suspension(CaseViews.SuspensionView s);

    @Message("Evidence")
    String evidence();

    @Message("{#if complainant}You have not given any evidence.{#else}There is no evidence you can see on this case.{/if}")
    String noEvidence(boolean complainant);

    @Message("Evidence you can see on this case")
    String evidenceCaption();

    @Message("Item")
    String item();

    @Message("Status")
    String status();

    @Message("Actions")
    String actions();

    @Message("""
            {#switch kind}{#case 'file'}{filename} ({#if pdf}PDF{#else}image{/if}, {size})\
            {#case 'link'}A link to a post{#else}A text excerpt{/switch}""")
    String evidenceWhat(String kind, String filename, boolean pdf, String size);

    @Message("Given by {#if yours}you{#else}{labels:theRole(party)}{/if} on {at.date}")
    String givenBy(boolean yours, String party, Instant at);

    @Message("""
            {#switch status}{#case 'withdrawn'}Consent withdrawn on {withdrawnAt.date}{#case 'destroyed'}Destroyed\
            {#else}In use{/switch}""")
    String evidenceStatus(String status, Instant withdrawnAt);

    @Message("Read")
    String read();

    @Message("item {id}")
    String itemNumber(long id);

    @Message("for item {id}")
    String forItem(long id);

    @Message("Withdraw consent")
    String withdrawConsent();

    @Message("Add evidence")
    String addEvidence();

    @Message("Every reading of an item is recorded. You can withdraw your consent for an item you gave at any time; no"
            + " one can read it after that, and the case goes back to triage without it.")
    String everyReading();

    @Message("Withdrawing your complaint")
    String withdrawingTitle();

    @Message("You can withdraw your complaint at any time until the panel decides. Nothing is held against you for doing so.")
    String withdrawingText();

    @Message("Withdraw my complaint")
    String withdrawButton();

    @Message("Messages with your caseworker")
    String messagesTitle();

    @Message("Only you and the caseworkers handling the case read these messages; the {#if complainant}respondent{#else}"
            + "complainant{/if} and the panel never do. We email you when your caseworker writes, without the message itself.")
    String messagesPrivacy(boolean complainant);

    @Message("No messages yet.")
    String noMessages();

    @Message("{#if mine}You{#else}Your caseworker{/if}")
    String messageFrom(boolean mine);

    @Message("Write to your caseworker")
    String writeToCaseworker();

    @Message("Ask a question or tell them something about the case. To give evidence, use \u2018Add evidence\u2019 above, so"
            + " that your consent is recorded.")
    String messageHint();

    @Message("Send the message")
    String sendMessage();

    @Message("Timeline")
    String timeline();

    @Message("Newest first. Letters we sent you by email are here too.")
    String timelineHint();

    @Message("Where the case is")
    String whereTheCaseIs();

    @Message("(current stage)")
    String currentStage();

    @Message("(done)")
    String stageDone();

    /** Under the current stage: a party's window closes, a staff stage is expected by its target. */
    @Message("""
            {#switch step}{#case 'awaitResponse'}Closes {at.date}{#case 'commentWindow'}Closes {at.date}\
            {#case 'appealWindow'}Closes {at.date}{#else}Expected by {at.date}{/switch}""")
    String expectedBy(String step, Instant at);

    /** Under a stage to come: how long it usually takes (its target or window). */
    @Message("Usually {p.inWords}")
    String usuallyTakes(Period p);

    // ------------------------------------------------------------ the list of cases

    @Message("Your data")
    String yourData();

    @Message("You have no cases, as complainant or as respondent.")
    String noCases();

    @Message("If a member has abused you, you can <a href=\"/me/complaints/new\">make a complaint</a>. Read <a"
            + " href=\"/complain\">how to complain</a> first, and check the <a href=\"/definition\">definition of"
            + " abuse</a>: it says what is a breach and what is not.")
    String noCasesHelp();

    @Message("Complaints you made, and complaints about you that have been put to you")
    String casesCaption();

    @Message("Case")
    String caseColumn();

    @Message("Your role")
    String yourRole();

    @Message("Next deadline")
    String nextDeadline();

    @Message("None")
    String none();

    @Message("{#if action == 'respond'}Respond to the allegation{#else if action == 'appeal'}You may appeal{/if}")
    String rowAction(String action);

    @Message("Every case is judged under the <a href=\"/definition\">published definition of abuse</a> in force on the"
            + " date of the conduct. A complaint about you appears here only once a caseworker has found that it"
            + " engages the definition.")
    String judgedUnderPublished();

    // ------------------------------------------------------------ respond, comment, appeal

    @Message("Respond")
    String respondCrumb();

    @Message("Your response")
    String yourResponse();

    @Message("Give your account of what happened and any context you think matters: what came before, what you meant,"
            + " whether you have apologised or removed the post. Nothing has been decided; the investigator reads your"
            + " response with the complaint. You can add evidence from the case page.")
    String responseHint();

    @Message("Send my response")
    String sendResponse();

    @Message("Comment on the report")
    String commentCrumb();

    @Message("Comment on the investigation report")
    String commentTitle();

    @Message("Your comment")
    String yourCommentLabel();

    @Message("Say what you think the report gets wrong or leaves out, and anything the panel should know. You can comment"
            + " once; the panel of three reads your comment with the report, without your name.")
    String commentHint();

    @Message("Send my comment")
    String sendComment();

    @Message("Appeal")
    String appealCrumb();

    @Message("Appeal against the decision")
    String appealTitle();

    @Message("On what grounds?")
    String onWhatGrounds();

    @Message("An appeal is not a second hearing of the whole case. Choose every ground that applies.")
    String groundsHint();

    @Message("For example, you were not told of something you should have been, or someone with a conflict of interest"
            + " took part.")
    String groundProcedureHint();

    @Message("The finding or the sanction cannot be reconciled with the evidence or the definition of abuse.")
    String groundPerverseHint();

    @Message("Say what it is and why it could not be given earlier.")
    String groundNewHint();

    @Message("Why should the decision be changed?")
    String whyChange();

    @Message("A new panel of three, who took no part in the decision, will read this.")
    String whyChangeHint();

    @Message("Lodge the appeal")
    String lodgeAppeal();
}
