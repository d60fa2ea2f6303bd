package dev.apigw.runtime.auth;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.IamIdentity;

/**
 * Builds the condition keys a policy reads from a request (reference 8.8, condition keys): {@code
 * aws:CurrentTime} and {@code aws:EpochTime} (the request's time), {@code aws:SourceIp} (the TCP
 * peer), {@code aws:SourceVpce} and {@code aws:SourceVpc} (set by the host for private APIs),
 * {@code aws:Referer} and {@code aws:UserAgent} (only when the header is present), and {@code
 * aws:PrincipalAccount} and {@code aws:PrincipalArn} once an IAM caller's signature verified.
 */
final class RequestConditions {
    private RequestConditions() {}

    /** Returns the evaluation context of the exchange's request and caller. */
    static EvaluationContext of(Exchange exchange) {
        Request request = exchange.request();
        EvaluationContext context =
                EvaluationContext.anonymous(exchange.requestTime())
                        .withSourceIp(request.sourceIp());
        if (request.sourceVpce().isPresent()) {
            context = context.withKey("aws:SourceVpce", request.sourceVpce().get());
        }
        if (request.sourceVpc().isPresent()) {
            context = context.withKey("aws:SourceVpc", request.sourceVpc().get());
        }
        String referer = request.headers().first("Referer").orElse(null);
        if (referer != null) {
            context = context.withKey("aws:Referer", referer);
        }
        String userAgent = request.headers().first("User-Agent").orElse(null);
        if (userAgent != null) {
            context = context.withKey("aws:UserAgent", userAgent);
        }
        if (exchange.caller().iamIdentity().isPresent()) {
            IamIdentity iam = exchange.caller().iamIdentity().get();
            context = context.withPrincipal(iam.accountId(), iam.userArn());
        }
        return context;
    }
}
