/**
 * Adapters that run a real Lambda handler class in-process as a {@link
 * dev.apigw.runtime.spi.LambdaFunction}: {@link dev.apigw.lambda.LambdaHandlers} binds a {@code
 * RequestStreamHandler} or a {@code RequestHandler<I, O>}, serializing its input and output as the
 * Lambda Java runtime does and reporting a thrown exception as Lambda reports a function error, so
 * a user's own handler runs unchanged behind an {@code Api}.
 */
package dev.apigw.lambda;
