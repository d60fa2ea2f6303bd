/**
 * HTTP APIs (apigatewayv2, {@code protocolType HTTP}): an {@link dev.apigw.model.HttpApi} compiled
 * for serving ({@link CompiledHttpApi}) and the steps of its request pipeline, which the REST
 * pipeline's steps that apply join (front-door limits, throttling, observation): the stage chosen
 * by the first path segment or {@code $default} ({@link HttpStageStep}, reference 7.2), the route
 * ({@link HttpRouteStep}), its authorizer ({@link HttpAuthorizerStep}, reference 8.5 to 8.7), the
 * integration ({@link HttpIntegrationStep}; Lambda proxies with payload formats 1.0 and 2.0, {@code
 * LambdaProxyIntegration}, reference 2.3 to 2.5), and the fixed error answers of HTTP APIs ({@link
 * HttpErrorStep}, reference 3.3). Internal to the runtime.
 */
package dev.apigw.runtime.httpapi;
