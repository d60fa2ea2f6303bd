package dev.apigw.tests.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check of {@link ModuleBoundaries} on a fabricated library module. */
class ModuleBoundariesTest {
    private static final ModuleDescriptor LIBRARY =
            ModuleDescriptor.newModule("lib")
                    .packages(Set.of("lib.api", "lib.internal", "lib.friend"))
                    .exports("lib.api")
                    .exports(Set.of(), "lib.friend", Set.of("friend"))
                    .build();

    private final ModuleBoundaries boundaries = new ModuleBoundaries(Map.of("lib", LIBRARY));

    @Test
    void violations_exportedPackage_none() {
        assertThat(boundaries.violations("app", Set.of("lib.api"))).isEmpty();
    }

    @Test
    void violations_packageNotExported_named() {
        assertThat(boundaries.violations("app", Set.of("lib.api", "lib.internal")))
                .containsExactly("app uses lib.internal, which lib does not export to it");
    }

    @Test
    void violations_qualifiedExportToTheUser_none() {
        assertThat(boundaries.violations("friend", Set.of("lib.friend"))).isEmpty();
    }

    @Test
    void violations_qualifiedExportToAnotherModule_named() {
        assertThat(boundaries.violations("app", Set.of("lib.friend")))
                .containsExactly("app uses lib.friend, which lib does not export to it");
    }

    @Test
    void violations_ownInternalPackage_none() {
        assertThat(boundaries.violations("lib", Set.of("lib.internal"))).isEmpty();
    }

    @Test
    void violations_packageOfNoLibraryModule_none() {
        assertThat(boundaries.violations("app", Set.of("app.internal", "other.pkg"))).isEmpty();
    }
}
