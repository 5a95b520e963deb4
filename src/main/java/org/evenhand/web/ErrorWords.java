package org.evenhand.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What an error page says for each status, in plain words (the default bundle; translations go beside it). */
@MessageBundle("errors")
public interface ErrorWords {

    @Message("""
            {#switch status}{#case 400}This could not be read\
            {#case 403}You cannot open this page\
            {#case 404}Page not found\
            {#case 405}This cannot be done here\
            {#case 409}This can no longer be done\
            {#case 410}No longer available\
            {#case 413}That is more than we can accept\
            {#case 415}That kind of file or form is not accepted\
            {#case 429}Please wait a little\
            {#case 503}Evenhand is not available just now\
            {#else}Something went wrong{/switch}""")
    String heading(int status);

    @Message("""
            {#switch status}{#case 400}What your browser sent did not arrive in full or could not be read, so nothing has been saved. Go back and send it again.\
            {#case 403}Your account does not have access to this part of Evenhand. If you think it should, ask the party\u2019s compliance unit.\
            {#case 404}There is nothing here, or it is not something you can see. If you followed a link from a letter, check that you are signed in as the person the letter was addressed to.\
            {#case 405}This page does not take that kind of request. Go back and use the page\u2019s own buttons.\
            {#case 409}The case has moved on since this page was opened. Open it again to see where it stands.\
            {#case 410}What you asked for has been removed.\
            {#case 413}A field or a file you sent is longer than we accept. Each long field shows its limit under it; files can be up to 10 MB.\
            {#case 415}Evidence files must be PNG or JPEG pictures or PDF documents.\
            {#case 429}You have sent more than we accept in a short time. Please wait and try again later.\
            {#case 503}We cannot reach our records just now, so nothing was changed. Please try again in a few minutes.\
            {#else}Something went wrong on our side. It has been logged. Please try again later.{/switch}""")
    String explanation(int status);

    /** A refusal with the problem's own sentence under it. */
    @Message("You cannot do this")
    String cannotDo();

    /** A refused request with the problem's own sentences under it. */
    @Message("Something is not right")
    String notRight();

    @Message("Error {status}")
    String eyebrow(int status);

    @Message("If you were sending a form, nothing has been saved. Use your browser’s Back button to return to it:"
            + " what you typed should still be there.")
    String formNotSaved();

    @Message("{#if signedIn}Go to your start page{#else}Go to the start page{/if}")
    String goHome(boolean signedIn);
}
