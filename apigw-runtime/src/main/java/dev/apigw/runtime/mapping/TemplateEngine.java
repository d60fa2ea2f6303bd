package dev.apigw.runtime.mapping;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * A Velocity runtime configured as API Gateway runs mapping templates (reference 1.1): hyphens
 * allowed in identifiers, Velocity 1.7 space gobbling, {@code #foreach} capped at 1,000
 * iterations, the secure uberspector (no reaching {@code Class} or {@code Runtime}), null
 * references rendered as nothing, null equal to {@code $null} and to {@code ""} (reference
 * 1.3), and output bounded to {@value #MAX_OUTPUT_CHARS} characters. No resource loader finds
 * anything ({@link NoResources}): {@code #include} and {@code #parse} fail the template. One engine per API, with
 * its own cache of compiled JSONPath expressions; thread-safe once built.
 */
public final class TemplateEngine {
    /** The largest template API Gateway accepts: 300 KB. */
    public static final int MAX_TEMPLATE_BYTES = 300 * 1024;
    /** The most iterations of one {@code #foreach} (reference 1.1). */
    public static final int MAX_LOOPS = 1000;
    /**
     * The most characters a rendering may produce: 10 MB, the payload limit of reference 9.5
     * (our choice: API Gateway documents no output limit of its own).
     */
    public static final int MAX_OUTPUT_CHARS = 10 * 1024 * 1024;

    private final RuntimeInstance velocity = new RuntimeInstance();
    private final JsonPaths paths = new JsonPaths();

    private TemplateEngine() {
        velocity.setProperty("parser.space_gobbling", "bc");
        velocity.setProperty("parser.allow_hyphen_in_identifiers", true);
        velocity.setProperty("directive.foreach.max_loops", MAX_LOOPS);
        velocity.setProperty("runtime.custom_directives", LimitedForeach.class.getName());
        velocity.setProperty("introspector.uberspect.class",
                "org.apache.velocity.util.introspection.SecureUberspector");
        velocity.setProperty("event_handler.reference_insertion.class",
                NullAsEmpty.class.getName() + "," + InsertionLimit.class.getName());
        velocity.setProperty("runtime.log.log_invalid_references", false);
        velocity.setProperty("resource.loaders", "none");
        velocity.setProperty("resource.loader.none.class", NoResources.class.getName());
        velocity.init();
    }

    /** Returns a new engine. */
    public static TemplateEngine create() {
        return new TemplateEngine();
    }

    /**
     * Parses a template as a deployment does: one that does not parse is accepted, as AWS
     * accepts it, and fails every rendering with 500 (reference 1.1; issue 9); {@code warnings}
     * gets one line naming {@code place}. A template over 300 KB still fails.
     */
    public MappingTemplate compileForDeployment(String place, String text,
            Consumer<String> warnings) {
        try {
            return compile(place, text);
        } catch (TemplateSyntaxException e) {
            warnings.accept(place + ": does not parse: " + e.reason());
            return MappingTemplate.failing(place, "template does not parse: " + e.reason());
        }
    }

    /**
     * Parses a template once; fails with a message naming {@code place} when it is over 300 KB,
     * or with {@link TemplateSyntaxException} when it does not parse.
     */
    public MappingTemplate compile(String place, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEMPLATE_BYTES) {
            throw new IllegalArgumentException(place + ": template is larger than 300 KB");
        }
        Template template = new Template();
        template.setName(place);
        template.setRuntimeServices(velocity);
        SimpleNode tree;
        try {
            tree = velocity.parse(new StringReader(text), template);
        } catch (ParseException e) {
            throw new TemplateSyntaxException(place, e);
        }
        NullEquality.apply(tree);
        template.setData(tree);
        template.initDocument();
        return new MappingTemplate(template, paths);
    }
}
