package dev.apigw.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Checks a set of resources as AWS's resource tree rules require (reference section 7.1). */
final class ResourceTree {
    private ResourceTree() {}

    /** Returns the resources with missing ancestors added (root first), after the checks. */
    static Map<String, Resource> complete(Map<String, Resource> declared) {
        Map<String, Resource> all = new LinkedHashMap<>();
        all.put("/", declared.getOrDefault("/", Resource.builder().path("/").build()));
        for (Resource resource : declared.values()) {
            addAncestors(resource.path(), all);
            all.put(resource.path(), resource);
        }
        Map<String, String> variableChild = new HashMap<>();
        Map<String, String> ids = new TreeMap<>();
        for (Resource resource : all.values()) {
            String previous = ids.put(resource.id(), resource.path());
            if (previous != null) {
                throw new IllegalArgumentException(
                        resource.path()
                                + ": resource id "
                                + resource.id()
                                + " is already used by "
                                + previous);
            }
            if (resource.parentPath().isEmpty()) {
                continue;
            }
            String parent = resource.parentPath().get();
            String parentPart = all.get(parent).pathPart();
            if (parentPart.endsWith("+}")) {
                throw new IllegalArgumentException(
                        resource.path()
                                + ": Cannot create a child of"
                                + " a resource with a greedy path variable: "
                                + parentPart);
            }
            String part = resource.pathPart();
            if (part.startsWith("{")) {
                String sibling = variableChild.putIfAbsent(parent, part);
                if (sibling != null && !sibling.equals(part)) {
                    throw new IllegalArgumentException(
                            resource.path()
                                    + ": A sibling ("
                                    + sibling
                                    + ") of this resource already has a variable path part -- only one"
                                    + " is allowed");
                }
            }
        }
        return Collections.unmodifiableMap(all);
    }

    private static void addAncestors(String path, Map<String, Resource> all) {
        int slash = path.indexOf('/', 1);
        while (slash > 0) {
            String ancestor = path.substring(0, slash);
            all.computeIfAbsent(ancestor, p -> Resource.builder().path(p).build());
            slash = path.indexOf('/', slash + 1);
        }
    }
}
