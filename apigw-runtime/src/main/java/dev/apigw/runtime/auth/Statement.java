package dev.apigw.runtime.auth;

import java.util.List;

/**
 * One statement of a policy document (reference 8.8): it applies to a request when its principal,
 * action, resource and every condition match; {@code NotPrincipal}, {@code NotAction} and {@code
 * NotResource} match what their list does not name.
 *
 * @param effect {@link PolicyDecision#ALLOW} or {@link PolicyDecision#DENY}
 * @param principals the principals named ({@link Principals#everyone()} when absent)
 * @param notPrincipal whether the principals came from {@code NotPrincipal}
 * @param actions the action patterns (case-insensitive)
 * @param notAction whether the actions came from {@code NotAction}
 * @param resources the resource patterns (case-sensitive, shorthand already expanded)
 * @param notResource whether the resources came from {@code NotResource}
 * @param conditions the conditions, all of which must hold
 */
record Statement(
        PolicyDecision effect,
        Principals principals,
        boolean notPrincipal,
        List<WildcardPattern> actions,
        boolean notAction,
        List<WildcardPattern> resources,
        boolean notResource,
        List<Condition> conditions) {

    Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Tells whether this statement applies to {@code action} on {@code resource}. */
    boolean applies(String action, String resource, EvaluationContext context) {
        return notPrincipal != principals.matches(context)
                && notAction != actions.stream().anyMatch(p -> p.matches(action))
                && notResource != resources.stream().anyMatch(p -> p.matches(resource))
                && conditions.stream().allMatch(c -> c.holds(context));
    }
}
