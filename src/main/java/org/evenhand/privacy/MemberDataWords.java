package org.evenhand.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Period;

/**
 * The words of a member's data page and of the privacy notice (templates/MemberDataPages/data.html,
 * PrivacyNoticePage; decision 0036; the subject access review's are {@link PrivacyWords}). English here; each other language in messages/privacy_<tag>.properties. Messages read with
 * {@code .raw} hold links and no one's input. The evidence consent notice itself is a versioned text, in English.
 */
@MessageBundle("privacy")
public interface MemberDataWords {

    @Message("membership number {number}")
    String membershipNumber(String number);

    @Message("Under data protection law you can have a copy of everything we hold about you, and ask for it to be erased.")
    String dataLede();

    @Message("Download everything we hold about you")
    String downloadTitle();

    @Message("A ZIP file with <code>data.json</code> (your cases, their timelines and decisions, evidence you gave and"
            + " evidence about you, and what the log records) and the files you gave. Other people are not named in it:"
            + " the other party appears as \u201cthe complainant\u201d or \u201cthe respondent\u201d, staff by their role.")
    String downloadText();

    @Message("Download my data (ZIP)")
    String downloadButton();

    @Message("Ask the data protection officer")
    String sarTitle();

    @Message("If you want more than the download gives you, for example a copy of a file the other party gave with their"
            + " details removed, make a formal subject access request. The data protection officer must answer within"
            + " one month.")
    String sarText();

    @Message("Make a subject access request")
    String sarButton();

    @Message("Help check that complaints are handled fairly")
    String auditTitle();

    @Message("The NEC checks every quarter, in aggregate, that complaints are handled alike across the party. You can help"
            + " by saying which part of the party you identify with. It is optional, never shown on any case, and you can"
            + " withdraw it at any time.")
    String auditText();

    @Message("Tell us, or change or withdraw what you told us")
    String auditLink();

    @Message("Ask for your data to be erased")
    String erasureTitle();

    @Message("The data protection officer decides within one month. Cases that are open, or closed within the last six"
            + " months, are kept for now because the law allows records needed for legal claims to be kept; everything"
            + " else about you is destroyed.")
    String erasureText();

    @Message("What would you like erased?")
    String erasureLabel();

    @Message("Say which cases or information, and why if you wish.")
    String erasureHint();

    @Message("Ask for erasure")
    String erasureButton();

    @Message("""
            {#switch code}{#case 'access'}Your request has gone to the data protection officer, who must answer within\
             one month.{#case 'erasure'}Your request for erasure has gone to the data protection officer, who must\
             decide within one month.{/switch}""")
    String done(String code);

    // ------------------------------------------------------------ the privacy notice

    @Message("What Evenhand holds about you, who sees it, how long it is kept, and your rights.")
    String noticeDescription();

    @Message("How the party uses information about you when you make a complaint, when a complaint is made about you, and"
            + " when you give evidence.")
    String noticeLede();

    @Message("Who is responsible")
    String whoTitle();

    @Message("The party is the controller of the information in Evenhand. It runs on the party\u2019s own systems; no"
            + " other organisation processes it. Questions go to the party\u2019s data protection officer.")
    String whoText();

    @Message("What we hold")
    String whatTitle();

    @Message("your name, membership number, email address, local party (CLP) and region, from the membership records;")
    String holdMembership();

    @Message("complaints: the allegation, statements, the clauses engaged, decisions and reasons, any interim suspension,"
            + " and the letters we send;")
    String holdComplaints();

    @Message("evidence given by the members in the exchange, and the messages before it;")
    String holdEvidence();

    @Message("a record of every action and every reading of evidence;")
    String holdRecord();

    @Message("the language you chose for your pages and letters, if you chose one.")
    String holdLanguage();

    @Message("We never look at anyone\u2019s social media ourselves, and we never open links given as evidence.")
    String neverLook();

    @Message("Why, and on what basis")
    String whyTitle();

    @Message("We use this information to decide complaints under the party\u2019s published rules: a legitimate interest"
            + " of the party (UK GDPR Article 6(1)(f)). Because party membership reveals political opinion, we also rely on"
            + " Article 9(2)(d), which allows a not-for-profit political body to process its members\u2019 data in the"
            + " course of its legitimate activities. Evidence you give is used with your explicit consent, which you can"
            + " withdraw at any time.")
    String whyText();

    @Message("Who sees it")
    String whoSeesTitle();

    @Message("the caseworkers and panel members handling the case, none of them from either member\u2019s CLP; panels see"
            + " no names;")
    String seesHandlers();

    @Message("the member complained about, once triage finds the complaint engages the definition: they see the"
            + " allegation, the complainant\u2019s evidence and the complainant\u2019s name, but not their contact details or"
            + " membership number. A complainant can ask, when they complain, for their name to be kept from the member;"
            + " if a caseworker grants it (for example for fear of reprisal or of a pile-on), the member is never told it."
            + " Members who join a complaint about the same post are never named to the member complained about, who is"
            + " told only how many they are. Everything held about a person is theirs to have a copy of: a member who asks"
            + " for their data also gets the complaints about them that were never put to them (closed at triage,"
            + " withdrawn, or still at triage), with the allegation and the caseworker\u2019s reasons, but nothing that"
            + " would tell them who complained;")
    String seesRespondent();

    @Message("you: your own case, its timeline and every letter.")
    String seesYou();

    @Message("The evidence consent notice")
    String consentTitle();

    @Message("When you give evidence you are asked to consent to this notice ({version}):")
    String consentText(String version);

    @Message("How long we keep it")
    String howLongTitle();

    @Message("a complaint closed at triage or not upheld: {p.inWords} after it closes, then the evidence is destroyed and"
            + " the case text made unreadable;")
    String keepDismissed(Period p);

    @Message("an upheld complaint: {p.inWords} after it closes, then it is anonymised;")
    String keepUpheld(Period p);

    @Message("everything is stored encrypted, with a separate key for each case; destroying the key makes the case"
            + " unreadable for good.")
    String keepEncrypted();

    @Message("Your rights")
    String rightsTitle();

    @Message("Access:")
    String accessTitle();

    @Message("download everything we hold about you from <a href=\"/me/data\">Your data</a>, or make a formal request there"
            + " or by letter to the data protection officer; we answer within {p.inWords} and tell you what we left out, if"
            + " anything, and why.")
    String accessText(Period p);

    @Message("Erasure:")
    String erasureRightTitle();

    @Message("ask from <a href=\"/me/data\">Your data</a>. Cases open or closed within the last {p.inWords} are kept until"
            + " then, because the law allows records needed for legal claims to be kept.")
    String erasureRightText(Period p);

    @Message("Withdrawing consent")
    String consentRightTitle();

    @Message("for evidence you gave, at any time, from your case page.")
    String consentRightText();

    @Message("Correction and objection:")
    String correctionTitle();

    @Message("write to the data protection officer.")
    String correctionText();

    @Message("Complaint:")
    String complaintTitle();

    @Message("you can complain to the Information Commissioner\u2019s Office (ico.org.uk).")
    String complaintText();
}
