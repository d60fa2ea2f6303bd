/**
 * Test support for users of apigw: a JUnit 5 extension, fakes of the host contracts (Lambda
 * functions, an HTTP backend, a Cognito user pool), AssertJ assertions on responses and a tester of
 * single mapping templates ({@code dev.apigw.testkit}).
 */
module dev.apigw.testkit {
    requires transitive dev.apigw.runtime;
    requires transitive dev.apigw.servlet;
    requires transitive org.assertj.core;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires json.path;
    requires com.nimbusds.jose.jwt;

    exports dev.apigw.testkit;
}
