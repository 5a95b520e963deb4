package org.evenhand.testing;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.evenhand.web.Formats;

/**
 * Qute message bundles for a plain Qute engine, as the application has them, without booting it (decision
 * 0036): each bundle interface as a namespace, its English from the {@code @Message} annotations and each
 * other language from {@code messages/<bundle>_<tag>.properties} (read as Quarkus reads them), in the
 * language of the template's {@code locale} attribute; and the date extensions of web.Formats.
 */
public final class PlainBundles {

    static final Path MESSAGES = Path.of("src/main/resources/messages");

    private PlainBundles() {
    }

    /** An engine with these bundles and the date extensions. */
    public static Engine engine(Class<?>... bundles) {
        EngineBuilder b = Engine.builder().addDefaults().addValueResolver(new io.quarkus.qute.ReflectionValueResolver())
                .addValueResolver(DATES);
        Engine[] self = new Engine[1];
        for (Class<?> bundle : bundles) {
            b.addNamespaceResolver(namespace(bundle, () -> self[0]));
        }
        self[0] = b.build();
        return self[0];
    }

    /** The bundle's name (its namespace in templates). */
    public static String name(Class<?> bundle) {
        return bundle.getAnnotation(MessageBundle.class).value();
    }

    /** Every message key of a bundle interface (its methods). */
    public static List<String> keys(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Message.class))
                .map(Method::getName).sorted().toList();
    }

    /** A localized file's messages by key, as Quarkus reads them: "\" continues a line, "\n" is a line break. */
    public static Map<String, String> file(String bundle, String tag) {
        Path p = MESSAGES.resolve(bundle + "_" + tag + ".properties");
        if (!Files.exists(p)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                String key = line.substring(0, eq).strip();
                StringBuilder value = new StringBuilder();
                String part = adapt(line.substring(eq + 1));
                while (part.endsWith("\\") && i + 1 < lines.size()) {
                    value.append(part, 0, part.length() - 1);
                    part = adapt(lines.get(++i));
                }
                value.append(part);
                out.put(key, value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String adapt(String line) {
        return line.stripLeading().replace("\\n", "\n");
    }

    private static final Map<String, Template> PARSED = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, String>> FILES = new ConcurrentHashMap<>();

    private static NamespaceResolver namespace(Class<?> bundle, java.util.function.Supplier<Engine> engine) {
        String name = name(bundle);
        return NamespaceResolver.builder(name).resolve(ctx -> resolve(bundle, name, engine.get(), ctx)).build();
    }

    private static CompletionStage<Object> resolve(Class<?> bundle, String name, Engine engine, EvalContext ctx) {
        List<Expression> params = ctx.getParams();
        Method method = Arrays.stream(bundle.getDeclaredMethods())
                .filter(m -> m.getName().equals(ctx.getName()) && m.getParameterCount() == params.size()).findFirst()
                .orElse(null);
        if (method == null) {
            return Results.notFound(ctx);
        }
        Locale locale = Formats.locale(ctx.getAttribute("locale"));
        String tag = locale.toLanguageTag();
        String source = FILES.computeIfAbsent(name + "_" + tag, k -> file(name, tag)).get(method.getName());
        String key = name + ":" + method.getName() + ":" + (source == null ? "" : tag);
        Template template = PARSED.computeIfAbsent(key,
                k -> engine.parse(source != null ? source : method.getAnnotation(Message.class).value()));
        List<CompletableFuture<Object>> values = new ArrayList<>();
        for (Expression e : params) {
            values.add(ctx.evaluate(e).toCompletableFuture());
        }
        return CompletableFuture.allOf(values.toArray(CompletableFuture[]::new)).thenApply(x -> {
            var instance = template.instance();
            for (int i = 0; i < values.size(); i++) {
                instance.data(method.getParameters()[i].getName(), values.get(i).join());
            }
            return instance.setLocale(locale).render();
        });
    }

    /** The date extensions of web.Formats, in the template's language. */
    static final ValueResolver DATES = ValueResolver.builder()
            .appliesTo(ctx -> (ctx.getBase() instanceof Instant || ctx.getBase() instanceof LocalDate)
                    && List.of("date", "day", "iso").contains(ctx.getName()))
            .resolveSync(ctx -> {
                Locale l = Formats.locale(ctx.getAttribute("locale"));
                if (ctx.getBase() instanceof LocalDate d) {
                    return Formats.date(d, l);
                }
                Instant at = (Instant) ctx.getBase();
                return switch (ctx.getName()) {
                    case "day" -> Formats.day(at, l);
                    case "iso" -> Formats.iso(at);
                    default -> Formats.date(at, l);
                };
            }).build();
}
