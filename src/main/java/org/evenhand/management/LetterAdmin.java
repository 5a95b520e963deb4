package org.evenhand.management;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.evenhand.casework.LetterRenderer;
import org.evenhand.casework.Letters;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.notification.LetterVersion;
import org.evenhand.trail.ActionTrail;

/**
 * The letters, administered by the complaints manager (decision 0043): for each kind of letter and each
 * language, the text in force (the bundled text, version 1, until the manager publishes another), its
 * history, a preview with sample data through the renderer that writes the real letters, and publication
 * of a new version, which every letter of the kind in that language is written from thereafter. A letter
 * already queued or sent keeps the text it was written with.
 */
@ApplicationScoped
public class LetterAdmin {

    /** A new text: the subject (one line) and the body, with the letter's placeholders. */
    public record Edit(String subject, String body) {
    }

    /** A kind of letter in a language, with the version in force. */
    public record Entry(String kind, String about, String locale, int version, Instant publishedAt, String publishedBy) {
    }

    /** A version of a letter's text; version 1 is the bundled text (publishedBy "bundled", no date). */
    public record Version(int version, String subject, String body, Instant publishedAt, String publishedBy) {
    }

    /** A letter kind in a language: the text in force, the placeholders it may use and every version. */
    public record LetterView(String kind, String about, String locale, Version current, List<String> placeholders,
            List<Version> history) {
    }

    /** The text as a letter would go out, written from the sample data. */
    public record Preview(String kind, String locale, String subject, String body) {
    }

    @Inject
    Engine engine;
    @Inject
    LetterRenderer renderer;
    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;

    @Transactional
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        LetterCatalogue.KINDS.forEach((kind, about) -> LetterCatalogue.LOCALES.forEach(locale -> {
            Optional<LetterVersion> v = LetterVersion.current(kind, locale);
            out.add(new Entry(kind, about, locale, v.map(x -> x.version).orElse(LetterRenderer.BUNDLED),
                    v.map(x -> x.publishedAt).orElse(null), v.map(x -> x.publishedBy).orElse("bundled")));
        }));
        return out;
    }

    @Transactional
    public LetterView one(String kind, String locale) {
        require(kind, locale);
        List<Version> history = new ArrayList<>(LetterVersion.history(kind, locale).stream()
                .map(v -> new Version(v.version, v.subject, v.body, v.publishedAt, v.publishedBy)).toList());
        LetterCatalogue.Text bundled = LetterCatalogue.bundled(kind, locale);
        history.add(new Version(LetterRenderer.BUNDLED, bundled.subject(), bundled.body(), null, "bundled"));
        return new LetterView(kind, LetterCatalogue.KINDS.get(kind), locale, history.get(0),
                List.copyOf(allowed(kind)), history);
    }

    /** The text written from the sample data, as the sender would write it; refused as publishing would be. */
    public Preview preview(String kind, String locale, Edit in) {
        require(kind, locale);
        Letters.Letter l = written(kind, locale, in);
        return new Preview(kind, locale, l.subject(), l.body());
    }

    /** Publishes the text as the next version: letters of this kind in this language are written from it now. */
    @Transactional
    public Version publish(String manager, String kind, String locale, Edit in) {
        require(kind, locale);
        written(kind, locale, in);
        LetterVersion.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "letter:" + kind + ":" + locale).getSingleResult();
        Version current = one(kind, locale).current();
        if (current.subject().equals(in.subject().strip()) && current.body().equals(in.body().strip())) {
            throw ProblemException.conflict("this is the text in force already (version " + current.version() + ")");
        }
        LetterVersion v = new LetterVersion();
        v.kind = kind;
        v.locale = locale;
        v.version = current.version() + 1;
        v.subject = in.subject().strip();
        v.body = in.body().strip();
        v.publishedAt = time.now();
        v.publishedBy = manager;
        v.persist();
        trail.record(manager, "letter-published", null, "letter " + kind + " (" + locale + ") version " + v.version
                + " replaces version " + current.version());
        return new Version(v.version, v.subject, v.body, v.publishedAt, v.publishedBy);
    }

    /** The letter written from the sample data; any fault in the text refused (400) with where it is. */
    private Letters.Letter written(String kind, String locale, Edit in) {
        if (in == null) {
            throw ProblemException.badRequest("send the letter's subject and body");
        }
        List<Problem.FieldError> errors = LetterRules.check(engine, allowed(kind), in.subject(), in.body());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Letters.Letter l;
        try {
            l = renderer.render(in.subject(), in.body(), LetterCatalogue.sample(kind), Locale.forLanguageTag(locale));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("body", "The letter cannot be written from this text: "
                    + firstLine(e.getMessage()));
        }
        if (l.subject().isBlank()) {
            throw ProblemException.invalidField("subject", "The subject comes out empty for the sample letter");
        }
        return l;
    }

    private Set<String> allowed(String kind) {
        List<String> texts = new ArrayList<>();
        for (String locale : LetterCatalogue.LOCALES) {
            LetterCatalogue.Text t = LetterCatalogue.bundled(kind, locale);
            texts.add(t.subject());
            texts.add(t.body());
        }
        return LetterRules.placeholders(engine, texts);
    }

    private static void require(String kind, String locale) {
        if (!LetterCatalogue.known(kind, locale)) {
            throw ProblemException.notFound("letter " + kind + " in " + locale);
        }
    }

    private static String firstLine(String m) {
        String s = String.valueOf(m);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
