package dev.apigw.model;

import java.util.Map;

/**
 * Checks the request parameters of an AWS service integration against its subtype (reference 4.2
 * {@code integrationSubtype}; the developer guide's integration subtype reference), as AWS checks
 * them when the integration is created: every parameter the subtype requires is there, and none the
 * subtype does not accept. Names are case-sensitive, as on AWS ({@code stateMachineArn} is refused
 * for {@code StateMachineArn}).
 */
final class SubtypeParameters {
    private SubtypeParameters() {}

    /**
     * Fails naming the integration and the parameter: {@code integration sqs: SQS-SendMessage
     * requires the parameter MessageBody} for a missing one; AWS's text {@code Parameter: X does
     * not fit schema for Operation: SQS-SendMessage.} for one the subtype does not accept.
     */
    static void check(String integrationId, IntegrationSubtype subtype, Map<String, String> given) {
        String place = "integration " + integrationId + ": ";
        for (String name : given.keySet()) {
            if (!subtype.requiredParameters().contains(name)
                    && !subtype.optionalParameters().contains(name)) {
                throw new IllegalArgumentException(
                        place
                                + "Parameter: "
                                + name
                                + " does not fit schema for Operation: "
                                + subtype.awsName()
                                + ".");
            }
        }
        for (String name : subtype.requiredParameters()) {
            String value = given.get(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(
                        place + subtype.awsName() + " requires the parameter " + name);
            }
        }
    }
}
