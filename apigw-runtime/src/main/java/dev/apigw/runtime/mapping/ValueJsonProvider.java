package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;

/**
 * Jayway JsonPath over the template values of {@link JsonDocument} (maps, {@link JsonArray}s,
 * scalars) rather than over Jackson trees, so that a parsed payload is queried as it is: a path
 * selecting several values gives a {@link JsonArray}. json-smart is not on the classpath. Stateless
 * and thread-safe.
 */
public final class ValueJsonProvider extends AbstractJsonProvider {
    private static final Configuration CONFIGURATION =
            Configuration.builder()
                    .jsonProvider(new ValueJsonProvider())
                    .mappingProvider(new JacksonMappingProvider(JsonValues.JSON))
                    .build();

    private ValueJsonProvider() {}

    /** Returns the JsonPath configuration that reads template values. */
    public static Configuration configuration() {
        return CONFIGURATION;
    }

    @Override
    public Object parse(String json) {
        try {
            return JsonDocument.parseOrThrow(json).root();
        } catch (IOException e) {
            throw new InvalidJsonException(e);
        }
    }

    @Override
    public Object parse(InputStream json, String charset) {
        try {
            return parse(new String(json.readAllBytes(), Charset.forName(charset)));
        } catch (IOException e) {
            throw new InvalidJsonException(e);
        }
    }

    @Override
    public String toJson(Object value) {
        return JsonValues.toJson(value);
    }

    @Override
    public Object createArray() {
        return new JsonArray(4);
    }

    @Override
    public Object createMap() {
        return new LinkedHashMap<String, Object>();
    }
}
