package org.evenhand.web;

import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * The language of Bean Validation's messages (ValidationMessages_<tag>.properties) on the pages members read:
 * the page's language, so that the member's stored choice wins over the browser's (decision 0036). Elsewhere
 * (the API, staff pages) it has no say, and Quarkus' own resolver reads Accept-Language.
 */
@ApplicationScoped
@Priority(100)
public class PageLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        PageLanguage page = Arc.container().instance(PageLanguage.class).get();
        return page.localized() ? page.locale() : null;
    }
}
