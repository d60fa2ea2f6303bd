package dev.apigw.model.cloudformation;

import dev.apigw.model.HttpApi;

/**
 * The start of an {@code AWS::ApiGatewayV2::Api}: the API its {@code Body} or {@code
 * BodyS3Location} defines, else an empty API of its {@code Name} (required then, as CloudFormation
 * requires it).
 */
final class HttpApiBody {
    private HttpApiBody() {}

    /** Returns a builder holding the API these properties define before their other properties. */
    static HttpApi.Builder read(ImportRun run, Props p) {
        if (p.has("Body") || p.has("BodyS3Location")) {
            throw p.fail("Body", "OpenAPI bodies of HTTP APIs are not read yet");
        }
        if (!p.has("Name")) {
            throw p.fail("Name", "is required when there is no Body or BodyS3Location");
        }
        return HttpApi.builder(p.required("Name"));
    }
}
