package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;

final class SamTransform {
    private SamTransform() {}

    static ObjectNode expand(ObjectNode template) {
        throw new CloudFormationImportException("Transform", "SAM transform not merged yet");
    }
}
