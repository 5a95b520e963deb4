package org.evenhand.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Duration;
import java.time.Instant;

/**
 * The words every page shares: the layout, the form and countdown tags, spans of time and the language
 * switch (decision 0036). English here; each other language in messages/page_<tag>.properties.
 */
@MessageBundle("page")
public interface PageWords {

    /** This language's name in itself, on the switch. */
    @Message("English")
    String languageName();

    @Message("Evenhand: how the party handles complaints about abuse between members.")
    String description();

    @Message("Skip to main content")
    String skipLink();

    @Message("Signed in as")
    String signedInAs();

    @Message("Inbox")
    String inbox();

    @Message("new")
    String unreadNew();

    @Message("Sign out")
    String signOut();

    @Message("Sign in")
    String signIn();

    @Message("Main")
    String mainNav();

    @Message("Breadcrumb")
    String breadcrumb();

    @Message("Definition of abuse")
    String navDefinition();

    @Message("How complaints work")
    String navProcess();

    @Message("My cases")
    String navMyCases();

    @Message("Casework")
    String navCasework();

    @Message("Complaints manager")
    String navManager();

    @Message("Membership")
    String navMembership();

    @Message("Fairness audit")
    String navAudit();

    @Message("New versions of the definition")
    String navDrafts();

    @Message("Data protection")
    String navDpo();

    @Message("Make a complaint")
    String navComplain();

    @Message("Evenhand is the party\u2019s system for complaints about abuse between members. The same rules apply to"
            + " every member, whatever their views or office.")
    String footerAbout();

    @Message("How to complain")
    String footerHowToComplain();

    @Message("Privacy notice")
    String footerPrivacy();

    @Message("There is a problem")
    String thereIsAProblem();

    @Message("Error:")
    String errorPrefix();

    @Message("Cancel")
    String cancel();

    // ------------------------------------------------------------ countdowns and dates

    @Message("{d.span} left")
    String left(Duration d);

    @Message("Overdue by {d.span}")
    String overdueBy(Duration d);

    @Message("(by {at.when})")
    String by(Instant at);

    /** "Monday 3 August 2026 at 14:05" */
    @Message("{day} at {time}")
    String dayAtTime(String day, String time);

    @Message("{#if n == 1}one year{#else}{n} years{/if}")
    String years(long n);

    @Message("{#if n == 1}one month{#else}{n} months{/if}")
    String months(long n);

    @Message("{#if n == 1}one week{#else}{n} weeks{/if}")
    String weeks(long n);

    @Message("{n} {#if n == 1}day{#else}days{/if}")
    String days(long n);

    @Message("{n} {#if n == 1}hour{#else}hours{/if}")
    String hours(long n);

    @Message("{n} {#if n == 1}minute{#else}minutes{/if}")
    String minutes(long n);

    @Message("about {span}")
    String about(String span);

    @Message("{larger} {smaller}")
    String two(String larger, String smaller);

    // ------------------------------------------------------------ the engine's diagram (tags/diagram.html)

    @Message("Zoom in")
    String zoomIn();

    @Message("Zoom out")
    String zoomOut();

    @Message("Whole process")
    String wholeProcess();

    @Message("This stage")
    String thisStage();

    @Message("Diagram of the complaint process{#if label}, with the current stage ({label}) highlighted{/if}. The stages are"
            + " also listed in text on this page.")
    String diagramLabel(String label);

    @Message("The diagram needs JavaScript. The stages are listed in text on this page.")
    String diagramNeedsScript();

    @Message("The highlighted box is where the case is now.")
    String diagramHighlighted();

    @Message("Drag to move around the diagram.")
    String diagramDrag();

    @Message("Download the process definition (BPMN)")
    String diagramDownload();
}
