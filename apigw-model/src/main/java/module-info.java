/**
 * The API Gateway model: REST API definitions built in code ({@code dev.apigw.model}) or imported
 * from OpenAPI with the {@code x-amazon-apigateway-*} extensions ({@code dev.apigw.model.openapi}).
 * Both packages are public API; the model does no I/O of its own and holds no runtime state.
 */
module dev.apigw.model {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports dev.apigw.model;
    exports dev.apigw.model.openapi;
    exports dev.apigw.model.cloudformation;
}
