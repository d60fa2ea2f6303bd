/**
 * Lambda handler adapters: {@code dev.apigw.lambda.LambdaHandlers} runs a real Lambda handler class
 * in-process as a {@code dev.apigw.runtime.spi.LambdaFunction}. The AWS Lambda libraries have no
 * module descriptor: they are automatic modules named after their jar files.
 */
module dev.apigw.lambda {
    requires transitive dev.apigw.runtime;
    requires transitive aws.lambda.java.core;
    requires aws.lambda.java.serialization;
    requires org.slf4j;

    exports dev.apigw.lambda;
}
