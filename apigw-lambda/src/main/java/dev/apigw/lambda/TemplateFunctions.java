package dev.apigw.lambda;

import dev.apigw.model.FunctionConfiguration;
import dev.apigw.runtime.spi.LambdaFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java functions of a template, loaded in-process, each in its own class loader ({@link
 * TemplateFunction}), by function name; the functions of other runtimes are left out and listed by
 * {@link #skipped()} for the caller to bind otherwise. {@link #close()} closes every function, so
 * that reloading a template leaks no class loader.
 */
public final class TemplateFunctions implements AutoCloseable {
    private final Map<String, TemplateFunction> functions;
    private final List<FunctionConfiguration> skipped;

    private TemplateFunctions(
            Map<String, TemplateFunction> functions, List<FunctionConfiguration> skipped) {
        this.functions = Collections.unmodifiableMap(functions);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Loads one Java function; see {@link TemplateFunction#load}.
     *
     * @throws FunctionCodeException when its code or handler cannot be found
     */
    public static TemplateFunction load(FunctionConfiguration function) {
        return TemplateFunction.load(function);
    }

    /**
     * Loads every Java function ({@link FunctionConfiguration#isJava()}) and skips the others.
     *
     * @throws FunctionCodeException for the first function whose code or handler cannot be found;
     *     the functions loaded before it are closed
     */
    public static TemplateFunctions loadAll(Collection<FunctionConfiguration> functions) {
        Map<String, TemplateFunction> loaded = new LinkedHashMap<>();
        List<FunctionConfiguration> skipped = new ArrayList<>();
        try {
            for (FunctionConfiguration f : functions) {
                if (f.isJava()) {
                    loaded.put(f.functionName(), TemplateFunction.load(f));
                } else {
                    skipped.add(f);
                }
            }
        } catch (RuntimeException e) {
            loaded.values().forEach(TemplateFunction::close);
            throw e;
        }
        return new TemplateFunctions(loaded, skipped);
    }

    /** Returns the loaded functions by function name, in the template's order. */
    public Map<String, LambdaFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** Returns the functions not loaded because their runtime is not Java. */
    public List<FunctionConfiguration> skipped() {
        return skipped;
    }

    /** Closes every function: their calls in flight are interrupted, their loaders closed. */
    @Override
    public void close() {
        functions.values().forEach(TemplateFunction::close);
    }
}
