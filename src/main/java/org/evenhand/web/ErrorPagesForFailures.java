package org.evenhand.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.evenhand.common.ErrorPages;

/** The web kit's answer to common.ErrorPages: failures in the HTTP layer shown as pages. */
@ApplicationScoped
public class ErrorPagesForFailures implements ErrorPages {

    @Inject
    ErrorWords words;

    @Override
    public String render(int status, String detail) {
        return PageErrors.plain(words, status);
    }
}
