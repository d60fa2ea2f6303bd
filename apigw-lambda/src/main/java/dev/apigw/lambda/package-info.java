/**
 * Adapters that run a real Lambda handler class in-process as a {@link
 * dev.apigw.runtime.spi.LambdaFunction}: {@link dev.apigw.lambda.LambdaHandlers} binds a {@code
 * RequestStreamHandler} or a {@code RequestHandler<I, O>}, serializing its input and output as the
 * Lambda Java runtime does and reporting a thrown exception as Lambda reports a function error, so
 * a user's own handler runs unchanged behind an {@code Api}.
 *
 * <p>{@link dev.apigw.lambda.TemplateFunctions} loads the Java functions of a template ({@code
 * dev.apigw.model.FunctionConfiguration}) from the code their build made ({@link
 * dev.apigw.lambda.FunctionCode}: {@code sam build}'s directory, or a jar, zip or class directory),
 * each as a {@link dev.apigw.lambda.TemplateFunction} in its own class loader that shares only the
 * JDK and aws-lambda-java-core with the gateway, so that two functions bundling two versions of one
 * library coexist. The handler ({@code pkg.Class} or {@code pkg.Class::method}) is chosen and
 * called as Lambda's Java runtime does; its {@code Timeout}, {@code MemorySize} and init errors are
 * answered as Lambda answers them.
 */
package dev.apigw.lambda;
