package dev.apigw.samples.localserver;

import dev.apigw.runtime.ExecutionTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Says, in the local server's own words, what to do about a failure an execution log shows: a
 * request outside the served stage ({@code no stage 'health'; this server serves /dev}; AWS answers
 * 403, reference 7.1) and a call to a Lambda function no {@code --lambda} binds ({@code no Lambda
 * function is bound for NAME; bind it with --lambda NAME=CLASS}).
 */
final class FailureHints {
    private static final String NO_STAGE = "No stage named: ";
    private static final String UNBOUND = "no Lambda function is bound for ";
    private static final String FUNCTION = ":function:";

    private final String stage;

    FailureHints(String stage) {
        this.stage = stage;
    }

    /** Returns the hints for a request's execution log, none when it shows no such failure. */
    List<String> of(ExecutionTrace log) {
        List<String> hints = new ArrayList<>(1);
        for (ExecutionTrace.Entry entry : log.entries()) {
            String message = entry.message();
            if (message.startsWith(NO_STAGE)) {
                hints.add(
                        "no stage '"
                                + message.substring(NO_STAGE.length())
                                + "'; this server serves /"
                                + stage);
            }
            int unbound = message.indexOf(UNBOUND);
            if (unbound >= 0) {
                String name = functionName(message.substring(unbound + UNBOUND.length()));
                hints.add(UNBOUND + name + "; bind it with --lambda " + name + "=CLASS");
            }
        }
        return hints;
    }

    /** Returns the function name of a Lambda function ARN, or the text itself. */
    static String functionName(String arn) {
        int at = arn.indexOf(FUNCTION);
        if (at < 0) {
            return arn;
        }
        String rest = arn.substring(at + FUNCTION.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}
