/**
 * API Gateway's REST request pipeline: {@link dev.apigw.runtime.pipeline.Step} and {@link
 * dev.apigw.runtime.pipeline.Chain} (the interceptor contract), {@link
 * dev.apigw.runtime.pipeline.Exchange} (the typed state of one request), and one package-private
 * class per step, ordered in {@link dev.apigw.runtime.pipeline.Pipeline}. Public types here other
 * than {@code Step}, {@code Chain} and {@code Exchange} are internal.
 */
package dev.apigw.runtime.pipeline;
