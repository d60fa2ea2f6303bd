/**
 * WebSocket APIs (apigatewayv2, {@code protocolType WEBSOCKET}) served without a transport: {@link
 * dev.apigw.runtime.websocket.WebSocketGateway} takes a host's upgrade requests ({@link
 * dev.apigw.runtime.websocket.ConnectRequest}, answered by a {@link
 * dev.apigw.runtime.websocket.ConnectResult}), messages ({@link dev.apigw.runtime.websocket.Frame})
 * and closes, sends through each connection's {@link dev.apigw.runtime.websocket.ConnectionSink},
 * and offers the {@code @connections} API as methods ({@link
 * dev.apigw.runtime.websocket.ConnectionInfo}, {@link dev.apigw.runtime.websocket.GoneException},
 * {@link dev.apigw.runtime.websocket.PayloadTooLargeException}, {@link
 * dev.apigw.runtime.websocket.LimitExceededException}); reference 2.6, 7.3, 7.4, 9.4, 9.5. The
 * records of open connections live in a {@link dev.apigw.runtime.spi.ConnectionStore}, by default
 * an {@link dev.apigw.runtime.websocket.InMemoryConnectionStore}; gateways on several nodes sharing
 * a store reach each other's connections through a {@link dev.apigw.runtime.spi.ConnectionRelay}
 * (issue 16). Routes call Lambda proxy functions, or non-proxy {@code AWS}, {@code HTTP}, {@code
 * HTTP_PROXY} and {@code MOCK} integrations through the REST runtime's template engine and backends
 * (reference 1, 5.4, 6). The other types are internal.
 */
package dev.apigw.runtime.websocket;
