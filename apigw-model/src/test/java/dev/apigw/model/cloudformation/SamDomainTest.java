package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamTemplates.expand;
import static dev.apigw.model.cloudformation.SamTemplates.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A SAM API's {@code Domain}: its domain name and base path mappings (reference 9.1). */
class SamDomainTest {
    @Test
    void expand_regionalDomainWithBasePaths_givesSamsIdsAndMappingsOntoTheStage() {
        ObjectNode resources =
                expand(
                        """
                Globals:
                  Api:
                    Domain:
                      DomainName: {Ref: MyRestRegionalDomainName}
                      CertificateArn: {Ref: MyRestRegionalDomainCert}
                      EndpointConfiguration: REGIONAL
                      SecurityPolicy: TLS_1_2
                      BasePath: [/get, /post]
                Resources:
                  MyFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: nodejs18.x
                      InlineCode: x
                      Events:
                        Get: {Type: Api, Properties: {Path: /get, Method: get}}
                """);

        // Ids as in SAM's fixture tests/translator/output/api_with_custom_domain_regional.json
        assertThat(resources.get("ApiGatewayDomainName1a01391c0c"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::DomainName", "Properties": {
                  "DomainName": {"Ref": "MyRestRegionalDomainName"},
                  "RegionalCertificateArn": {"Ref": "MyRestRegionalDomainCert"},
                  "EndpointConfiguration": {"Types": ["REGIONAL"]},
                  "SecurityPolicy": "TLS_1_2"}}
                """));
        assertThat(resources.get("ServerlessRestApigetBasePathMapping"))
                .isEqualTo(
                        json(
                                """
                {"Type": "AWS::ApiGateway::BasePathMapping", "Properties": {
                  "BasePath": "get", "DomainName": {"Ref": "ApiGatewayDomainName1a01391c0c"},
                  "RestApiId": {"Ref": "ServerlessRestApi"},
                  "Stage": {"Ref": "ServerlessRestApiProdStage"}}}
                """));
        assertThat(resources.has("ServerlessRestApipostBasePathMapping")).isTrue();
    }

    @Test
    void expand_edgeDomainWithoutBasePath_mapsTheRoot() {
        ObjectNode resources =
                expand(
                        """
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Domain:
                        DomainName: api.example.com
                        CertificateArn: arn:cert
                        EndpointConfiguration: EDGE
                """);

        String domainId =
                "ApiGatewayDomainName" + SamDeployment.sha1("api.example.com").substring(0, 10);
        assertThat(resources.at("/" + domainId + "/Properties"))
                .isEqualTo(
                        json(
                                """
                {"DomainName": "api.example.com", "CertificateArn": "arn:cert",
                 "EndpointConfiguration": {"Types": ["EDGE"]}}
                """));
        assertThat(resources.at("/MyApiBasePathMapping/Properties"))
                .isEqualTo(
                        json(
                                """
                {"DomainName": {"Ref": "%s"}, "RestApiId": {"Ref": "MyApi"},
                 "Stage": {"Ref": "MyApiprodStage"}}
                """
                                        .formatted(domainId)));
    }
}
