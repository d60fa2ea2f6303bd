package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@code Globals}: merged into functions and APIs (the implicit one too) as SAM merges them. */
class SamGlobalsTest {
    @Test
    void expand_functionGlobals_mergeMapsAppendListsAndYieldScalars() {
        ObjectNode resources =
                expand(
                        """
                Globals:
                  Function:
                    Runtime: java17
                    Timeout: 10
                    MemorySize: 512
                    Layers: [arn:layer1]
                    Environment: {Variables: {TABLE: orders, STAGE: dev}}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Layers: [arn:layer2]
                      Environment: {Variables: {STAGE: prod}}
                """);

        assertThat(resources.at("/Fn/Properties"))
                .isEqualTo(
                        json(
                                """
                {"Code": "x.jar", "Handler": "a.B", "Runtime": "java21", "MemorySize": 512,
                 "Timeout": 10,
                 "Environment": {"Variables": {"TABLE": "orders", "STAGE": "prod"}},
                 "Layers": ["arn:layer1", "arn:layer2"],
                 "Tags": [{"Key": "lambda:createdBy", "Value": "SAM"}]}
                """));
    }

    @Test
    void expand_apiGlobals_applyToTheImplicitApi() {
        ObjectNode resources =
                expand(
                        """
                Globals:
                  Api:
                    Cors: "'*'"
                    Variables: {mode: test}
                    OpenApiVersion: 3.0.1
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      CodeUri: x.jar
                      Events:
                        Get: {Type: Api, Properties: {Path: /a, Method: get}}
                """);

        assertThat(resources.at("/ServerlessRestApi/Properties/Body/openapi").asText())
                .isEqualTo("3.0.1");
        assertThat(resources.at("/ServerlessRestApi/Properties/Body/paths/~1a").has("options"))
                .isTrue();
        assertThat(resources.at("/ServerlessRestApiProdStage/Properties/Variables"))
                .isEqualTo(json("{\"mode\": \"test\"}"));
    }

    @Test
    void expand_ignoreGlobals_skipsTheNamedGlobals() {
        ObjectNode resources =
                expand(
                        """
                Globals:
                  Function: {Timeout: 10, MemorySize: 512}
                Resources:
                  All:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: "*"
                    Properties: {Handler: a.B, Runtime: java21, CodeUri: x.jar}
                  Some:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Timeout]
                    Properties: {Handler: a.B, Runtime: java21, CodeUri: x.jar}
                """);

        assertThat(resources.at("/All/Properties").has("Timeout")).isFalse();
        assertThat(resources.at("/All/Properties").has("MemorySize")).isFalse();
        assertThat(resources.at("/Some/Properties").has("Timeout")).isFalse();
        assertThat(resources.at("/Some/Properties/MemorySize").intValue()).isEqualTo(512);
    }

    @Test
    void expand_unsupportedGlobal_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Globals:
                  Api: {StageName: prod}
                Resources: {}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "Globals.Api.StageName: 'StageName' is not a supported"
                                + " property of 'Api'.");
    }

    @Test
    void expand_unknownSection_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Globals:
                  Queue: {}
                Resources: {}
                """))
                .hasMessageStartingWith("Globals.Queue: 'Queue' is not supported.");
    }

    @Test
    void merge_intrinsicAgainstMap_takesTheResourceValue() {
        assertThat(SamGlobals.merge(json("{\"a\": 1}"), json("{\"Ref\": \"P\"}")))
                .isEqualTo(json("{\"Ref\": \"P\"}"));
        assertThat(SamGlobals.merge(json("[1]"), json("\"x\""))).isEqualTo(json("\"x\""));
    }
}
