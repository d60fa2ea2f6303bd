package dev.apigw.runtime.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda function an integration URI names (reference 2, intro): {@code
 * arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations}, where
 * {@code functionArn} is {@code arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]}
 * and may use {@code ${stageVariables.x}} or {@code ${stageVariables['x']}} (reference 1.5). Parsed
 * once when the API is built; only the stage variables are resolved per request.
 */
public final class LambdaArn {
    private static final Pattern URI =
            Pattern.compile(
                    "arn:aws[\\w-]*:apigateway:[\\w-]+:lambda:path/[^/]+/functions/(.+)/invocations");
    private static final Pattern FUNCTION =
            Pattern.compile(
                    "arn:aws[\\w-]*:lambda:[\\w-]+:\\d{12}:function:([\\w-]+)(?::([\\w$-]+))?");
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{stageVariables(?:\\.([\\w-]+)|\\['([^']+)'\\])}");

    private final List<String> literals;
    private final List<String> variables;
    private final Function fixed;

    private LambdaArn(List<String> literals, List<String> variables) {
        this.literals = literals;
        this.variables = variables;
        this.fixed =
                variables.isEmpty()
                        ? Function.parse(literals.get(0))
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "Invalid Lambda function ARN: "
                                                                + literals.get(0)))
                        : null;
    }

    /** Returns whether an integration URI invokes a Lambda function. */
    static boolean isLambda(String uri) {
        return URI.matcher(uri).matches();
    }

    /**
     * Parses a Lambda integration URI (an integration's {@code uri} or an authorizer's {@code
     * authorizerUri}); fails with {@link IllegalArgumentException} when it names no function.
     */
    public static LambdaArn parse(String uri) {
        Matcher m = URI.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid Lambda integration URI: " + uri);
        }
        return ofFunction(m.group(1));
    }

    /**
     * Parses what an HTTP API integration names (reference 4.2): a Lambda integration URI, or the
     * function ARN itself; fails with {@link IllegalArgumentException} when it names no function.
     */
    public static LambdaArn parseTarget(String functionArnOrUri) {
        return isLambda(functionArnOrUri) ? parse(functionArnOrUri) : ofFunction(functionArnOrUri);
    }

    private static LambdaArn ofFunction(String arn) {
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        Matcher v = VARIABLE.matcher(arn);
        int from = 0;
        while (v.find()) {
            literals.add(arn.substring(from, v.start()));
            variables.add(v.group(1) != null ? v.group(1) : v.group(2));
            from = v.end();
        }
        literals.add(arn.substring(from));
        return new LambdaArn(List.copyOf(literals), List.copyOf(variables));
    }

    /**
     * Returns the function with the stage variables of a request put in, or empty when a variable
     * is undefined or the result is not a function ARN.
     */
    Optional<Function> resolve(Map<String, String> stageVariables) {
        if (fixed != null) {
            return Optional.of(fixed);
        }
        StringBuilder arn = new StringBuilder(literals.get(0));
        for (int i = 0; i < variables.size(); i++) {
            String value = stageVariables.get(variables.get(i));
            if (value == null) {
                return Optional.empty();
            }
            arn.append(value).append(literals.get(i + 1));
        }
        return Function.parse(arn.toString());
    }

    /** Returns the function ARN as written, stage variables unresolved. */
    @Override
    public String toString() {
        StringBuilder arn = new StringBuilder(literals.get(0));
        for (int i = 0; i < variables.size(); i++) {
            arn.append("${stageVariables.")
                    .append(variables.get(i))
                    .append('}')
                    .append(literals.get(i + 1));
        }
        return arn.toString();
    }

    /**
     * A resolved function.
     *
     * @param arn the function ARN, qualifier included
     * @param name the function name
     * @param qualifier the version or alias; empty when none
     */
    record Function(String arn, String name, String qualifier) {
        static Optional<Function> parse(String arn) {
            Matcher m = FUNCTION.matcher(arn);
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Function(arn, m.group(1), m.group(2) == null ? "" : m.group(2)));
        }
    }
}
