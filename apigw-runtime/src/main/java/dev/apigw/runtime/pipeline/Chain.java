package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;

/** The rest of the pipeline after a step. */
@FunctionalInterface
public interface Chain {
    /** Runs the remaining steps with this exchange and returns their response. */
    Response proceed(Exchange exchange);
}
