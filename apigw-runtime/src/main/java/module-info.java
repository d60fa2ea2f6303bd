/**
 * The runtime: {@code Api} runs API Gateway's REST request pipeline in-process. It exports the
 * public API ({@code dev.apigw.runtime}), the contracts a host implements ({@code
 * dev.apigw.runtime.spi}), the default HTTP backend ({@code dev.apigw.runtime.http}), the mapping
 * template engine ({@code dev.apigw.runtime.mapping}) and the WebSocket API core ({@code
 * dev.apigw.runtime.websocket}, {@code WebSocketGateway}); every other package is internal.
 *
 * <p>{@code dev.apigw.runtime.mapping} is exported to everyone: {@code
 * Api.Builder.templateEngine(TemplateEngine)}, the testkit's {@code TemplateTester} (its result
 * returns {@code Overrides}, its rendering throws {@code TemplateException}) name its types in
 * public signatures, and Velocity loads the sandbox's directives, event handlers and uberspector by
 * class name and calls the methods of {@code $input} and {@code $util} by reflection. Its public
 * classes extend or name Velocity's, JSONPath's and Jackson's types, so these are required
 * transitively.
 *
 * <p>Velocity, JSONPath, the java-json-tools validator, Bucket4j and Micrometer have no module
 * descriptor: they are automatic modules. The validator needs {@code jackson-coreutils} and {@code
 * jackson-coreutils-equivalence}, which both hold the package {@code com.github.fge.jackson}: they
 * stay on the class path, which automatic modules read, and are not required here ({@code btf} is,
 * as the validator's public types extend its interfaces).
 */
module dev.apigw.runtime {
    requires transitive dev.apigw.model;
    requires transitive com.fasterxml.jackson.databind;
    requires java.net.http;
    requires transitive micrometer.core;
    requires transitive json.path;
    requires transitive velocity.engine.core;
    requires btf;
    requires json.schema.core;
    requires json.schema.validator;
    requires transitive org.slf4j;
    requires com.github.benmanes.caffeine;
    requires io.github.bucket4j.core;
    requires com.nimbusds.jose.jwt;

    exports dev.apigw.runtime;
    exports dev.apigw.runtime.http;
    exports dev.apigw.runtime.mapping;
    exports dev.apigw.runtime.spi;
    exports dev.apigw.runtime.websocket;
}
