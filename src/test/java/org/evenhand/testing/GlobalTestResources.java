package org.evenhand.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest shares one boot with these resources, unless its profile disables them. */
@QuarkusTestResource(value = TestOidcServer.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestMasterKey.class, restrictToAnnotatedClass = false)
public final class GlobalTestResources {
    private GlobalTestResources() {
    }
}
