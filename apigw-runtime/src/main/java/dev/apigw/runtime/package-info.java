/**
 * The entry point of the runtime: {@link dev.apigw.runtime.Api} compiles REST API definitions for
 * serving and runs API Gateway's request pipeline in the calling thread; {@link
 * dev.apigw.runtime.Request}, {@link dev.apigw.runtime.Response} and {@link
 * dev.apigw.runtime.Headers} are the immutable values it takes and gives.
 */
package dev.apigw.runtime;
