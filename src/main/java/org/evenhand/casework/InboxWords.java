package org.evenhand.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.Instant;

/** The words of the inbox (templates/InboxPages, decision 0036); Welsh, for members, in messages/inbox_cy.properties. */
@MessageBundle("inbox")
public interface InboxWords {

    @Message("{#if since}What changed on your cases since you last looked, on {since.when}.{#else}What changed on your"
            + " cases in the last 30 days.{/if} Looking here marks it all as read.")
    String lede(Instant since);

    @Message("{#if staff}New messages from the parties{#else}New on your cases{/if}")
    String newTitle(boolean staff);

    @Message("Nothing new.")
    String nothingNew();

    @Message("New tasks for you")
    String newTasks();

    @Message("No new tasks.")
    String noNewTasks();

    @Message("All your tasks")
    String allTasks();

    @Message("case {ref}")
    String caseInText(String ref);

    @Message("due {at.when}")
    String due(Instant at);

    @Message("Coming deadlines")
    String comingDeadlines();

    @Message("Nothing is waiting for you.")
    String nothingWaiting();
}
