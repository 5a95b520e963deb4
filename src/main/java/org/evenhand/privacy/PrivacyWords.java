package org.evenhand.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a member reads about their data: the review step before a subject access request, and the
 * index of their subject access pack (what it holds, what it leaves out and why). Welsh beside it in
 * messages/privacyWords_cy.properties. (The DPO's pages are staff pages, English only.)
 */
@MessageBundle("privacyWords")
public interface PrivacyWords {

    // ---- the review step before a member's subject access request

    @Message("Check your subject access request")
    String reviewTitle();

    @Message("Nothing is sent until you confirm. This is what the data protection officer will receive.")
    String reviewLede();

    @Message("From")
    String reviewFrom();

    @Message("Membership number")
    String reviewNumber();

    @Message("Received")
    String reviewReceived();

    @Message("Today, {when}")
    String reviewToday(String when);

    @Message("Answer due by")
    String reviewDue();

    @Message("What you will get")
    String reviewWhatTitle();

    @Message("Everything Evenhand holds about you: every case you made or joined, and every complaint about you,"
            + " including any dismissed before you were told of it; the evidence you gave and the evidence about you;"
            + " your messages; what the log records; and your declaration for the fairness audit with its consent"
            + " record, if you made one.")
    String reviewWhatHeld();

    @Message("Other people's details are left out where the law allows (Data Protection Act 2018, Schedule 2,"
            + " paragraph 16): for example who complained about you, if you have not been told. The pack lists"
            + " everything left out and why.")
    String reviewWhatWithheld();

    @Message("You can download most of this yourself at any time, without a request.")
    String reviewDownloadInstead();

    @Message("I want to make a subject access request")
    String reviewConfirm();

    @Message("Tick the box to confirm that you want to make the request.")
    String reviewConfirmRequired();

    @Message("Send the request")
    String reviewSend();

    @Message("Go back without sending")
    String reviewCancel();

    // ---- the pack (data.json and index.txt)

    @Message("Everything Evenhand holds about you. Other people's details are removed where the law allows; the"
            + " index lists what is left out and why.")
    String packAbout();

    @Message("Your subject access pack")
    String indexTitle();

    @Message("Made on {when} for membership number {number}.")
    String indexMade(String when, String number);

    @Message("What it holds")
    String indexIncluded();

    @Message("What it leaves out, and why")
    String indexWithheld();

    @Message("Nothing is left out.")
    String indexNothingWithheld();

    @Message("To ask about anything left out, or for a copy of a file with other people's details removed, write to"
            + " the data protection officer.")
    String indexAsk();

    @Message("Your membership details")
    String sectionMember();

    @Message("Your cases: every complaint you made or joined, and every complaint about you")
    String sectionCases();

    @Message("Evidence you gave")
    String sectionEvidenceGiven();

    @Message("Evidence about you")
    String sectionEvidenceAbout();

    @Message("What the log records about you and your cases")
    String sectionLog();

    @Message("Files you gave")
    String sectionFiles();

    @Message("{count} {#if count == 1}entry{#else}entries{/if}")
    String entries(int count);

    @Message("Case {ref}")
    String onCase(String ref);

    @Message("All your cases")
    String onEveryCase();

    @Message("Who complained: their name, membership number, login and email")
    String whatComplainantIdentity();

    @Message("{#if count}{count} other {#if count == 1}member{#else}members{/if} also complained about the same conduct:"
            + " who they are and what they wrote{#else}Who else complained about the same conduct, and what they"
            + " wrote{/if}")
    String whatOtherComplainants(Integer count);

    @Message("The name, membership number, login and email of the member complained about")
    String whatRespondentIdentity();

    @Message("{count} {#if count == 1}file{#else}files{/if} the complainant gave: ask the data protection officer for a copy"
            + " with other people's details removed")
    String whatComplainantsFiles(Integer count);

    @Message("The names of the staff who handled your cases: they appear by their role")
    String whatStaffNames();

    @Message("Data Protection Act 2018, Schedule 2, Part 3, paragraph 16: information about another person who could"
            + " be identified from it")
    String exemptionThirdParty();

    @Message("Being considered at triage. It has not been put to you; if it goes ahead you will be told and can answer it.")
    String untoldAtTriage();

    @Message("Dismissed at triage without being put to you: it engaged no rule, so you were not asked to answer it.")
    String untoldDismissed();

    @Message("Withdrawn by the complainant before it was put to you.")
    String untoldWithdrawn();
}
