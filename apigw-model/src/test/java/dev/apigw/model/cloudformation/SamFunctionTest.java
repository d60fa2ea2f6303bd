package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@code AWS::Serverless::Function} as the {@code AWS::Lambda::Function} SAM generates. */
class SamFunctionTest {
    private static ObjectNode function(String properties) {
        return (ObjectNode)
                expand(
                                """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Condition: IsProd
                    Properties:
                %s
                """
                                        .formatted(properties.indent(6)))
                        .get("Fn");
    }

    @Test
    void expand_function_copiesItsSettingsAndTagsIt() {
        ObjectNode function =
                function(
                        """
                Handler: orders.Handler::handleRequest
                Runtime: java21
                CodeUri: target/orders.jar
                FunctionName: orders
                Description: d
                Architectures: [arm64]
                Environment: {Variables: {A: b}}
                Tracing: Active
                Tags: {team: orders}
                """);

        assertThat(function)
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::Lambda::Function", "Condition": "IsProd",
                 "Properties": {"Code": "target/orders.jar",
                   "Handler": "orders.Handler::handleRequest", "Runtime": "java21",
                   "FunctionName": "orders", "Description": "d", "Architectures": ["arm64"],
                   "Environment": {"Variables": {"A": "b"}},
                   "TracingConfig": {"Mode": "Active"},
                   "Tags": [{"Key": "lambda:createdBy", "Value": "SAM"},
                            {"Key": "team", "Value": "orders"}]}}
                """));
    }

    @Test
    void expand_s3CodeUri_givesS3Code() {
        assertThat(
                        function("{Handler: a.B, Runtime: java21, CodeUri: s3://b/k.zip}")
                                .at("/Properties/Code"))
                .isEqualTo(json("{\"S3Bucket\": \"b\", \"S3Key\": \"k.zip\"}"));
        assertThat(
                        function(
                                        """
                {Handler: a.B, Runtime: java21, CodeUri: {Bucket: b, Key: k.zip, Version: "2"}}
                """)
                                .at("/Properties/Code"))
                .isEqualTo(
                        json(
                                """
                        {"S3Bucket": "b", "S3Key": "k.zip", "S3ObjectVersion": "2"}
                        """));
    }

    @Test
    void expand_inlineCodeAndImage_giveTheirCode() {
        assertThat(
                        function(
                                        "{Handler: index.h, Runtime: nodejs20.x, InlineCode: 'exports.h=1'}")
                                .at("/Properties/Code"))
                .isEqualTo(json("{\"ZipFile\": \"exports.h=1\"}"));
        ObjectNode image = function("{PackageType: Image, ImageUri: repo/fn:latest}");
        assertThat(image.at("/Properties/Code"))
                .isEqualTo(json("{\"ImageUri\": \"repo/fn:latest\"}"));
        assertThat(image.at("/Properties/PackageType").asText()).isEqualTo("Image");
    }

    @Test
    void expand_noCode_fails() {
        assertThatThrownBy(() -> function("{Handler: a.B, Runtime: java21}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Resources.Fn.Properties: ");
    }

    @Test
    void expand_functionPropertiesNotAnObject_fails() {
        assertThatThrownBy(
                        () ->
                                expand(
                                        """
                Resources:
                  Fn: {Type: AWS::Serverless::Function, Properties: [a]}
                """))
                .hasMessage("Resources.Fn.Properties: must be an object");
    }
}
