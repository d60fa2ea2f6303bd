package dev.apigw.runtime.mapping;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Renders a null or missing reference as nothing, as API Gateway does (reference 1.3), where stock
 * Velocity prints the reference's own text. Public only because Velocity instantiates it by class
 * name.
 */
public final class NullAsEmpty implements ReferenceInsertionEventHandler {
    /** Creates the handler. */
    public NullAsEmpty() {}

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        return value == null ? "" : value;
    }
}
