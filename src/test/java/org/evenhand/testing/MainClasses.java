package org.evenhand.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;

/**
 * The application's compiled classes as ArchUnit sees them, imported once per test JVM and
 * straight from target/classes (scanning the whole class path for the package costs seconds).
 */
public final class MainClasses {

    public static final JavaClasses MAIN = importMain();

    /** Classes outside the application (Quarkus, Camunda...) stay stubs known by name: the rules need no more of them. */
    private static JavaClasses importMain() {
        com.tngtech.archunit.ArchConfiguration config = com.tngtech.archunit.ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().importPath(Path.of("target/classes"));
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    private MainClasses() {
    }
}
