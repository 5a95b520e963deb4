package org.evenhand.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;

/** Which compiled classes are page resources: a @Path class whose @Produces includes HTML (or one nested in it). */
public final class PageClasses {

    public static boolean isPageResource(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.isAnnotatedWith(jakarta.ws.rs.Path.class) && top.isAnnotatedWith(jakarta.ws.rs.Produces.class)
                && Arrays.asList(top.getAnnotationOfType(jakarta.ws.rs.Produces.class).value())
                        .contains(jakarta.ws.rs.core.MediaType.TEXT_HTML);
    }

    private PageClasses() {
    }
}
