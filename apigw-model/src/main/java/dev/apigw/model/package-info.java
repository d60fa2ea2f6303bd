/**
 * Immutable Amazon API Gateway definitions with AWS's own nouns and fields: {@link
 * dev.apigw.model.RestApi}, {@link dev.apigw.model.Resource}, {@link dev.apigw.model.Method},
 * {@link dev.apigw.model.Integration}, {@link dev.apigw.model.Stage}, {@link
 * dev.apigw.model.Deployment}, {@link dev.apigw.model.UsagePlan}, {@link dev.apigw.model.HttpApi},
 * {@link dev.apigw.model.WebSocketApi} (with {@link dev.apigw.model.SelectionExpression}) and the
 * rest. Each aggregate is a final class with a builder whose {@code build()} validates and fails
 * fast with a message that names the place. The model does no I/O and holds no runtime state.
 */
package dev.apigw.model;
