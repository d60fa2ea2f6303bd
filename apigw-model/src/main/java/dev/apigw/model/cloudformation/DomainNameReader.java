package dev.apigw.model.cloudformation;

import dev.apigw.model.BasePathMapping;
import dev.apigw.model.DomainName;
import dev.apigw.model.EndpointType;
import dev.apigw.model.GatewayDefinition;
import java.util.List;
import java.util.Locale;

/**
 * Reads a template's custom domain names ({@code AWS::ApiGateway::DomainName}) and their base path
 * mappings ({@code AWS::ApiGateway::BasePathMapping}).
 */
final class DomainNameReader {
    private DomainNameReader() {}

    static void read(ImportRun run, GatewayDefinition.Builder out) {
        for (String id : run.ofType("AWS::ApiGateway::DomainName")) {
            Props p = run.properties(id);
            List<String> types = p.object("EndpointConfiguration").texts("Types");
            out.domainName(
                    id,
                    new DomainName(
                            p.required("DomainName"),
                            types.isEmpty()
                                    ? EndpointType.EDGE
                                    : EndpointType.valueOf(types.get(0).toUpperCase(Locale.ROOT)),
                            p.text("SecurityPolicy").orElse("")));
        }
        for (String id : run.ofType("AWS::ApiGateway::BasePathMapping")) {
            Props p = run.properties(id);
            out.basePathMapping(
                    id,
                    new BasePathMapping(
                            p.required("DomainName"),
                            p.text("BasePath").orElse(""),
                            p.required("RestApiId"),
                            p.text("Stage").orElse("")));
        }
    }
}
