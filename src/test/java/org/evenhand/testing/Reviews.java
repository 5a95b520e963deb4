package org.evenhand.testing;

import static org.evenhand.testing.Pages.page;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check pages as a browser uses them (decision 0037): the hidden fields a check page carries are read
 * back as a browser would read them (HTML entities decoded), and sent again with the button pressed,
 * "Confirm and send" to the form's action or "Change" to the check step, as a form or multipart.
 */
public final class Reviews {

    private Reviews() {
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    /** Every hidden field of the page, in order (the form token included), as the browser would send it. */
    public static List<Map.Entry<String, String>> hidden(String html) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            out.add(Map.entry(unescape(m.group(1)), unescape(m.group(2))));
        }
        return out;
    }

    /** The value of the first hidden field with this name, or null. */
    public static String hidden(String html, String name) {
        return hidden(html).stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    /** Attribute and text content as a browser reads it: Qute escapes these five. */
    public static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** A urlencoded form as a browser sends it: UTF-8 (RestAssured's default for form fields is ISO-8859-1). */
    public static RequestSpecification utf8Form() {
        return page().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    /** The page's hidden fields as a urlencoded form, with these fields (a button's) added. */
    public static RequestSpecification form(String html, String... extra) {
        RequestSpecification r = utf8Form();
        for (Map.Entry<String, String> e : hidden(html)) {
            r = r.formParam(e.getKey(), e.getValue());
        }
        for (int i = 0; i < extra.length; i += 2) {
            r = r.formParam(extra[i], extra[i + 1]);
        }
        return r;
    }

    /** The page's hidden fields as a multipart form (UTF-8, as a browser sends it), with these fields added. */
    public static RequestSpecification multipart(String html, String... extra) {
        RequestSpecification r = page();
        for (Map.Entry<String, String> e : hidden(html)) {
            r = r.multiPart(text(e.getKey(), e.getValue()));
        }
        for (int i = 0; i < extra.length; i += 2) {
            r = r.multiPart(text(extra[i], extra[i + 1]));
        }
        return r;
    }

    /** A text part as a browser sends it: UTF-8 (RestAssured's default for text parts is ISO-8859-1). */
    public static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build();
    }

    /** The text of a textarea on the page, as a browser reads it. */
    public static String textarea(String html, String id) {
        Matcher m = Pattern.compile("<textarea[^>]* id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }
}
