package dev.apigw.runtime.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Field names of the Lambda proxy event, quoted and encoded once so that writing an event does not
 * escape the same names on every request.
 */
final class EventFields {
    static final SerializedString RESOURCE = new SerializedString("resource");
    static final SerializedString PATH = new SerializedString("path");
    static final SerializedString HTTP_METHOD = new SerializedString("httpMethod");
    static final SerializedString PATH_PARAMETERS = new SerializedString("pathParameters");
    static final SerializedString STAGE_VARIABLES = new SerializedString("stageVariables");
    static final SerializedString REQUEST_CONTEXT = new SerializedString("requestContext");
    static final SerializedString REQUEST_TIME_EPOCH = new SerializedString("requestTimeEpoch");
    static final SerializedString REQUEST_ID = new SerializedString("requestId");
    static final SerializedString IDENTITY = new SerializedString("identity");
    static final SerializedString BODY = new SerializedString("body");
    static final SerializedString IS_BASE64_ENCODED = new SerializedString("isBase64Encoded");

    private final SerializedString[] names;

    private EventFields(SerializedString[] names) {
        this.names = names;
    }

    static EventFields of(String... names) {
        SerializedString[] serialized = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            serialized[i] = new SerializedString(names[i]);
        }
        return new EventFields(serialized);
    }

    /** Writes field {@code index} with a string value, or JSON {@code null}. */
    void write(JsonGenerator g, int index, String value) throws IOException {
        g.writeFieldName(names[index]);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
