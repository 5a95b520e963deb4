package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the other letters to a party: interim suspension, a sanction's end, withdrawal, messages, and
 * the envelope every letter goes out in (templates/letters, decision 0036). English here; each other language
 * in messages/notice_<tag>.properties.
 */
@MessageBundle("notice")
public interface NoticeTexts {

    @Message("You are suspended from membership pending the outcome")
    String suspendedSubject();

    @Message("""
            While your case is considered, you are suspended from membership on an interim basis. This is not a sanction\
             and says nothing about the outcome. The reasons:
            {m.reasons}

            It will be reviewed by {m.review.day} and lapses then unless renewed with fresh reasons.""")
    String suspended(Letters.Suspended m);

    @Message("Your interim suspension has been renewed")
    String renewedSubject();

    @Message("""
            After review, your interim suspension continues. The reasons:
            {m.reasons}

            {#if m.last}It ends on {m.review.day}, when it reaches the longest an interim suspension may last, and cannot\
             be renewed again.{#else}It will be reviewed again by {m.review.day}.{/if}""")
    String renewed(Letters.Renewed m);

    @Message("Your interim suspension has been lifted")
    String liftedSubject();

    @Message("Your interim suspension ended on {m.liftedAt.day}: {m.reason}.")
    String lifted(Letters.Lifted m);

    @Message("Your interim suspension has ended")
    String reachedMaximumSubject();

    @Message("""
            Your interim suspension, imposed on {m.imposedAt.day}, ended on {m.endedAt.day}: it reached the longest an\
             interim suspension may last, and it cannot be renewed. It says nothing about the outcome of your case.""")
    String reachedMaximum(Letters.ReachedMaximum m);

    @Message("{#if m.toRespondent}The complaint about you has been withdrawn{#else}Your complaint has been withdrawn{/if}")
    String withdrawnSubject(Letters.Withdrawn m);

    @Message("""
            {#if m.toRespondent}The complaint about you was withdrawn on {m.at.day}, before any decision was made. The\
             case is closed. No finding has been made against you and nothing about it goes on your record.{#else}The\
             complaint was withdrawn on {m.at.day}, before any decision was made. The case is closed and nothing further\
             will happen. No finding has been made about anyone.{/if}""")
    String withdrawn(Letters.Withdrawn m);

    @Message("You have withdrawn from the complaint")
    String ownPartWithdrawnSubject();

    @Message("""
            You withdrew your part of the complaint on {m.at.day}. {#if m.othersStanding == 1}Another member{#else}\
            {m.othersStanding} other members{/if} complained about the same conduct, so the case goes on without you. We\
             will not write to you about it again, and your own complaint will not be used in deciding it.""")
    String ownPartWithdrawn(Letters.OwnPartWithdrawn m);

    @Message("Your {labels:sanctionInText(m.code, m.inText, m.months)} has ended")
    String sanctionLapsedSubject(Letters.SanctionLapsed m);

    @Message("""
            The {labels:sanctionInText(m.code, m.inText, m.months)} that took effect on {m.tookEffect.day} ended on {m.ended.day}.\
             From now on it no longer counts for any purpose, including in any later case. The decision itself stays on\
             the case file.""")
    String sanctionLapsed(Letters.SanctionLapsed m);

    @Message("A message from your caseworker")
    String caseworkerMessageSubject();

    @Message("You have a new message from your caseworker")
    String newMessageSubject();

    @Message("""
            Your caseworker has written to you about case {m.ref}. Sign in to Evenhand and open the case under 'My cases'\
             to read the message and reply; for your privacy it is not copied into this email.""")
    String newMessage(Letters.NewMessage m);

    @Message("A party has written on case {m.ref}")
    String messageForStaffSubject(Letters.MessageForStaff m);

    @Message("""
            Dear {m.name},

            The {m.party} on case {m.ref} has sent a message. Sign in to Evenhand and open the case's messages to read it\
             and reply; it is not copied into this email.

            Evenhand""")
    String messageForStaff(Letters.MessageForStaff m);

    @Message("Dear {name},")
    String dear(String name);

    @Message("""
            Case reference: {ref}
            You can follow your case at any time under 'My cases'.

            Evenhand, on behalf of the party's complaints process""")
    String signature(String ref);
}
