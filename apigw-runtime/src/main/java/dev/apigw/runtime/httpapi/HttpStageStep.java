package dev.apigw.runtime.httpapi;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.HttpStage;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;
import java.util.Optional;

/**
 * Chooses the stage of an HTTP API request (reference 7.2): the stage named by the first path
 * segment, whose prefix is then removed; else the {@code $default} stage, served at the root with
 * the whole path; else 404 {@code {"message":"Not Found"}} (reference 3.3).
 */
public final class HttpStageStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledHttpApi api = exchange.state().feature(CompiledHttpApi.KEY);
        String path = exchange.request().path();
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.indexOf('/', start);
        String first = path.substring(start, end < 0 ? path.length() : end);
        Optional<HttpStage> named =
                first.isEmpty() || first.equals(HttpStage.DEFAULT)
                        ? Optional.empty()
                        : api.stage(first);
        if (named.isPresent()) {
            String rest = end < 0 ? "/" : path.substring(end);
            return next.proceed(
                    exchange.withAttribute(
                            HttpResolution.KEY, new HttpResolution(named.get(), rest)));
        }
        Optional<HttpStage> root = api.stage(HttpStage.DEFAULT);
        if (root.isEmpty()) {
            exchange.trace().add("stage", "No stage named: ", first);
            throw GatewayException.of(GatewayResponseType.RESOURCE_NOT_FOUND);
        }
        return next.proceed(
                exchange.withAttribute(HttpResolution.KEY, new HttpResolution(root.get(), path)));
    }
}
