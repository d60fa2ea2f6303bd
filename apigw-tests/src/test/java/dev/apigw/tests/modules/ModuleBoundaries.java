package dev.apigw.tests.modules;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exports of our library modules, read from their descriptors, and the check of one module's
 * references against them: a package of another library module may be used only if that module
 * exports it, to everyone or to the user by name.
 */
final class ModuleBoundaries {
    private final Map<String, ModuleDescriptor> libraries;

    /** Makes the boundaries of these library modules, keyed by module name. */
    ModuleBoundaries(Map<String, ModuleDescriptor> libraries) {
        this.libraries = Map.copyOf(libraries);
    }

    /**
     * Returns one message per package of another library module that {@code user} references and is
     * not allowed to: a package not exported, or exported only to other modules. {@code user} is a
     * module name, or a name no descriptor can target (a sample, on the class path).
     */
    List<String> violations(String user, Set<String> referencedPackages) {
        Objects.requireNonNull(user);
        List<String> violations = new ArrayList<>();
        for (String pkg : new TreeSet<>(referencedPackages)) {
            for (ModuleDescriptor owner : libraries.values()) {
                if (!owner.name().equals(user)
                        && owner.packages().contains(pkg)
                        && !exportedTo(owner, pkg, user)) {
                    violations.add(
                            user
                                    + " uses "
                                    + pkg
                                    + ", which "
                                    + owner.name()
                                    + " does not export to it");
                }
            }
        }
        return violations;
    }

    private static boolean exportedTo(ModuleDescriptor owner, String pkg, String user) {
        return owner.exports().stream()
                .anyMatch(
                        e ->
                                e.source().equals(pkg)
                                        && (!e.isQualified() || e.targets().contains(user)));
    }
}
