package dev.apigw.samples.localserver;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpStage;
import dev.apigw.model.openapi.HttpApiImportResult;
import dev.apigw.model.openapi.HttpApiImporter;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.openapi.ImportWarning;
import dev.apigw.model.openapi.OpenApiImportException;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.LambdaFunction;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the {@link ApiAssembly} of a {@code --spec} that is an HTTP API definition ({@link
 * ApiType#HTTP}): the spec imported by {@link HttpApiImporter}, the handler classes of {@code
 * --lambda} loaded by a fresh {@link HandlerLoader} (an HTTP API's Lambda integrations and
 * authorizers find them by the function name of their ARN, as REST's do), the key sets and
 * credentials of {@link HostBindings}, and one stage added to the imported API, which has none:
 * {@code $default}, served at the root (reference 7.2), unless {@code --stage NAME} names another,
 * served under {@code /NAME}. The {@code --stage-config} file and {@code --stage-var} values are
 * laid over that stage as {@link HttpStageOverrides} says. The import's warnings, the functions no
 * binding serves, the service integrations no {@code --aws-endpoint} covers and the flags an HTTP
 * API has no use for ({@code --api-key}: HTTP APIs have no API keys, reference 11.1) are its {@link
 * StartupWarnings}.
 */
final class HttpApiAssembly {
    private HttpApiAssembly() {}

    /**
     * Builds the HTTP API of {@code options}' spec in an account from {@code accounts}; fails with
     * a one-line {@link LaunchException} on a spec, stage or handler class that cannot be used.
     */
    static ApiAssembly build(
            ServerOptions options, Supplier<Gateway> accounts, StageOverrides overrides) {
        Path spec = options.spec().orElseThrow();
        HttpApiImportResult imported = importSpec(spec, options.placeholders());
        HandlerLoader loader = HandlerLoader.create(options.classpath());
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        options.lambdas()
                .forEach((name, className) -> functions.put(name, loader.load(name, className)));
        StartupWarnings warnings =
                new StartupWarnings()
                        .addAll(imported.warnings().stream().map(ImportWarning::toString).toList());
        String stageName = options.stageGiven().orElse(HttpStage.DEFAULT);
        return serve(
                imported.api(),
                stageName,
                functions,
                options,
                accounts,
                overrides,
                warnings,
                () -> {});
    }

    /**
     * Serves {@code definition} on its stage {@code stageName} (added when it has none) with the
     * {@code functions} bound, the host bindings and the command line's stage overrides; {@code
     * onClose} releases what the functions hold. Shared by {@code --spec} and {@code --template}.
     */
    static ApiAssembly serve(
            HttpApi definition,
            String stageName,
            Map<String, LambdaFunction> functions,
            ServerOptions options,
            Supplier<Gateway> accounts,
            StageOverrides overrides,
            StartupWarnings warnings,
            AutoCloseable onClose) {
        List<String> notes = new ArrayList<>();
        if (!options.apiKeys().isEmpty()) {
            notes.add("--api-key: HTTP APIs have no API keys (reference 11.1); ignored");
        }
        Gateway account = accounts.get();
        HttpStage stage;
        try {
            stage =
                    HttpStageOverrides.applyTo(
                            overrides,
                            definition
                                    .stages()
                                    .getOrDefault(stageName, HttpStage.builder(stageName).build()),
                            definition.id(),
                            account.region(),
                            account.accountId(),
                            notes);
        } catch (IllegalArgumentException e) {
            throw LaunchException.failure("--stage " + stageName + ": " + e.getMessage());
        }
        HttpApi served = definition.toBuilder().stage(stage).build();
        Api api;
        try {
            Api.Builder b = Api.builder().gateway(account).httpApi(served);
            functions.forEach(b::lambda);
            HostBindings.apply(options, account.accountId(), b);
            api = b.build();
        } catch (IllegalArgumentException e) {
            throw LaunchException.failure("cannot serve the API: " + e.getMessage());
        }
        warnings.addAll(UnboundFunctions.of(served, functions.keySet(), stage.stageVariables()))
                .addAll(UnboundServices.of(served, options))
                .addAll(notes)
                .addAll(api.warnings());
        return new ApiAssembly(api, warnings, stageName, List.of(), onClose);
    }

    private static HttpApiImportResult importSpec(Path spec, Map<String, String> placeholders) {
        ApiAssembly.checkReadable(spec);
        try {
            return HttpApiImporter.create(
                            ImportOptions.builder().placeholders(placeholders).build())
                    .importFile(spec);
        } catch (OpenApiImportException | IllegalArgumentException e) {
            throw LaunchException.failure(
                    "spec " + spec + " does not import as an HTTP API: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw LaunchException.failure(
                    "cannot read spec " + spec + ": " + e.getCause().getMessage());
        }
    }
}
