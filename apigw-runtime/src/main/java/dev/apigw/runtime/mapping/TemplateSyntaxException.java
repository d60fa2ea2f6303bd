package dev.apigw.runtime.mapping;

import org.apache.velocity.runtime.parser.ParseException;

/** A mapping template does not parse as VTL; the message names its place and Velocity's reason. */
public final class TemplateSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    TemplateSyntaxException(String place, ParseException cause) {
        super(place + ": template does not parse: " + cause.getMessage(), cause);
        this.reason = cause.getMessage();
    }

    /** Returns Velocity's reason, without the place. */
    public String reason() {
        return reason;
    }
}
