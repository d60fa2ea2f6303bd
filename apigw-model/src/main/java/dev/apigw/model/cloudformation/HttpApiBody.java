package dev.apigw.model.cloudformation;

import dev.apigw.model.HttpApi;
import dev.apigw.model.openapi.BasePathMode;
import dev.apigw.model.openapi.HttpApiImportResult;
import dev.apigw.model.openapi.HttpApiImporter;
import dev.apigw.model.openapi.ImportOptions;
import java.util.Locale;

/**
 * The start of an {@code AWS::ApiGatewayV2::Api}: the API its {@code Body} or {@code
 * BodyS3Location} defines, imported as apigatewayv2's {@code ImportApi} imports it (reference 4.3,
 * "HTTP API import") with the API's {@code BasePath} ({@code ignore}, {@code prepend}, {@code
 * split}) and {@code FailOnWarnings}; else an empty API of its {@code Name} (required then, as
 * CloudFormation requires it).
 */
final class HttpApiBody {
    private HttpApiBody() {}

    /** Returns a builder holding the API these properties define before their other properties. */
    static HttpApi.Builder read(ImportRun run, Props p) {
        if (BodyImport.hasBody(p)) {
            HttpApiImporter importer = HttpApiImporter.create(options(run, p));
            return new BodyImport<HttpApiImportResult>(
                            body ->
                                    body.isTextual()
                                            ? importer.importText(body.asText())
                                            : importer.importTree(body),
                            importer::importFile,
                            HttpApiImportResult::warnings)
                    .read(run, p).api().toBuilder();
        }
        if (!p.has("Name")) {
            throw p.fail("Name", "is required when there is no Body or BodyS3Location");
        }
        return HttpApi.builder(p.required("Name"));
    }

    private static ImportOptions options(ImportRun run, Props p) {
        ImportOptions.Builder o = run.options().openApi().toBuilder();
        p.text("BasePath")
                .ifPresent(
                        v -> {
                            try {
                                o.basePath(BasePathMode.valueOf(v.toUpperCase(Locale.ROOT)));
                            } catch (IllegalArgumentException e) {
                                throw p.fail("BasePath", v + " is not ignore, prepend or split");
                            }
                        });
        p.bool("FailOnWarnings").ifPresent(o::failOnWarnings);
        return o.build();
    }
}
