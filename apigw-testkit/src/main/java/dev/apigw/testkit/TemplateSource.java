package dev.apigw.testkit;

import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.RestApiDefinition;
import dev.apigw.model.Stage;
import dev.apigw.model.cloudformation.CloudFormationImporter;
import dev.apigw.model.cloudformation.TemplateOptions;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The template an {@link ApiGatewayExtension} serves: imported once, on first use, and the REST API
 * chosen in it (the only one unless named).
 */
final class TemplateSource {
    private final Path file;
    private final TemplateOptions options;
    private final String apiLogicalId;
    private GatewayDefinition definition;

    TemplateSource(Path file, TemplateOptions options, String apiLogicalId) {
        this.file = file;
        this.options = options;
        this.apiLogicalId = apiLogicalId;
    }

    /** Returns the imported template. */
    synchronized GatewayDefinition definition() {
        if (definition == null) {
            definition = CloudFormationImporter.create(options).importFile(file);
        }
        return definition;
    }

    /** Returns the logical id of the API served: the one named, else the template's only one. */
    String apiLogicalId() {
        if (apiLogicalId != null) {
            return apiLogicalId;
        }
        if (definition().restApis().size() != 1) {
            throw new IllegalStateException(
                    file
                            + " has "
                            + definition().restApis().size()
                            + " REST APIs "
                            + definition().restApis().keySet()
                            + ": name one with template(file, options, apiLogicalId)");
        }
        return definition().restApis().keySet().iterator().next();
    }

    /** Returns the API's only stage; fails naming the stages when it has several or none. */
    String onlyStage() {
        RestApiDefinition api = definition().restApi(apiLogicalId());
        if (api.onlyStage().isEmpty()) {
            throw new IllegalStateException(
                    apiLogicalId()
                            + " has the stages "
                            + api.stages().values().stream()
                                    .map(Stage::stageName)
                                    .collect(Collectors.toList())
                            + ": choose one with stage(name)");
        }
        return api.onlyStage().get().stageName();
    }
}
