package org.evenhand.casework;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateInstanceBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.evenhand.notification.LetterVersion;
import org.jboss.logging.Logger;

/**
 * Renders every letter a party is sent (decision 0043): from the version of its kind's template the
 * complaints manager published last in the recipient's language, or else from the bundled template
 * (version 1). The manager's preview goes through {@link #render(String, String, Object, Locale)} too, so
 * what they see is what the sender writes. A letter is rendered once, when it is queued: its text is stored
 * and never rendered again.
 */
@ApplicationScoped
public class LetterRenderer {

    private static final Logger LOG = Logger.getLogger(LetterRenderer.class);
    /** The version number of the bundled template. */
    public static final int BUNDLED = 1;

    /** A letter as written, and the version of its template it was written from. */
    public record Written(Letters.Letter letter, int version) {
    }

    @Inject
    Engine engine;

    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    /** The kind of a letter template instance: its template's name ("acknowledged"). */
    public static String kindOf(TemplateInstance letter) {
        String id = letter.getTemplate().getId();
        String name = id.substring(id.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The letter in the language, from the manager's latest version of its kind if there is one. */
    public Written render(TemplateInstance letter, Locale language) {
        String kind = kindOf(letter);
        Optional<LetterVersion> published = LetterVersion.current(kind, language.toLanguageTag());
        if (published.isPresent()) {
            Object model = modelOf(letter);
            if (model != null) {
                LetterVersion v = published.get();
                return new Written(render(v.subject, v.body, model, language), v.version);
            }
            LOG.errorf("letter %s: its model cannot be read (%s); written from the bundled template", kind,
                    diagnose(letter));
        }
        return new Written(Letters.Letter.of(letter.setLocale(language)), BUNDLED);
    }

    /** A subject and body (Qute text, the model as {@code m}) rendered in a language as the sender renders them. */
    public Letters.Letter render(String subject, String body, Object model, Locale language) {
        String text = subject.strip() + "\n\n" + body.strip();
        Template t = parsed.computeIfAbsent(text, engine::parse);
        if (parsed.size() > 500) {
            parsed.clear();
        }
        return Letters.Letter.parse(t.data("m", model).setLocale(language).render());
    }

    /** Parses text as the sender would (throws io.quarkus.qute.TemplateException on a syntax error). */
    public Template parse(String text) {
        return engine.parse(text);
    }

    private static final Method DATA = dataMethod();

    private static String diagnose(TemplateInstance letter) {
        try {
            Object data = DATA == null ? "no data method" : DATA.invoke(unwrapped(letter));
            return letter.getClass().getName() + " holds " + (data == null ? null : data.getClass().getName())
                    + (data instanceof io.quarkus.qute.Mapper mp ? " keys " + mp.mappedKeys() : "");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return letter.getClass().getName() + ": " + e;
        }
    }

    private static final Method DELEGATE = method(io.quarkus.qute.ForwardingTemplateInstance.class, "delegate");

    private static Method dataMethod() {
        return method(TemplateInstanceBase.class, "data");
    }

    private static Method method(Class<?> c, String name) {
        try {
            Method m = c.getDeclaredMethod(name);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The instance itself, under any wrapper Qute put round it (in tests, one that collects what was rendered). */
    private static TemplateInstance unwrapped(TemplateInstance letter) throws ReflectiveOperationException {
        TemplateInstance t = letter;
        for (int i = 0; i < 5 && t instanceof io.quarkus.qute.ForwardingTemplateInstance && DELEGATE != null; i++) {
            t = (TemplateInstance) DELEGATE.invoke(t);
        }
        return t;
    }

    /**
     * The model ({@code m}) a letter's typed template was given. Qute keeps an instance's data to itself;
     * the letters' factories (Letters, EvidenceLetters) are generated, so it is read here, once, and a letter
     * whose model cannot be read is written from the bundled template rather than lost (LetterVersionsTest
     * fails first if a Qute upgrade changes this).
     */
    static Object modelOf(TemplateInstance letter) {
        try {
            Object data = DATA == null ? null : DATA.invoke(unwrapped(letter));
            return data instanceof io.quarkus.qute.Mapper mapper ? mapper.get("m") : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
