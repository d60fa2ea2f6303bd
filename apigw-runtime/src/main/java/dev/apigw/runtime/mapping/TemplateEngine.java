package dev.apigw.runtime.mapping;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * A Velocity runtime configured as API Gateway runs mapping templates (reference 1.1): hyphens
 * allowed in identifiers, Velocity 1.7 space gobbling, {@code #foreach} capped at 1,000 iterations,
 * null references rendered as nothing, null equal to {@code $null} and to {@code ""} (reference
 * 1.3), and output bounded to {@value #MAX_OUTPUT_CHARS} characters. One engine per API, with its
 * own cache of compiled JSONPath expressions; thread-safe once built.
 *
 * <p>A template cannot reach the machine (issue 9 part 3; AWS's VTL has no file access and runs
 * under limits of its own, docs/differences.md):
 *
 * <ul>
 *   <li>no files: the only resource loader finds nothing ({@link NoResources}), so {@code #include}
 *       and {@code #parse} fail; {@code #evaluate} fails too ({@link NoEvaluate});
 *   <li>no reflection: a template calls only the allowed surface of {@link TemplateSurface} (text,
 *       number, map, collection methods; on {@code $input} and {@code $util} only their own),
 *       resolved by the {@link SandboxUberspector}: {@code getClass}, {@code wait}, {@code notify},
 *       {@code hashCode} of our objects do not resolve and render as nothing;
 *   <li>bounded memory: every method that can grow text, a collection or a number checks the size
 *       it would build before building it ({@link MethodGuards}, {@link SandboxNodes} for {@code +}
 *       and {@code *}): text up to {@value #MAX_OUTPUT_CHARS} characters, collections up to {@value
 *       #MAX_COLLECTION_SIZE} elements, numbers up to {@value #MAX_NUMBER_BITS} bits; maps and
 *       collections print with the same bound ({@link BoundedText});
 *   <li>bounded time: each rendering has a budget of {@link #DEFAULT_WORK_BUDGET} steps (variable
 *       reads and writes, method calls, arithmetic, loop iterations, values a JSONPath reads:
 *       {@link BudgetedJsonProvider}) and of {@link #DEFAULT_TIME_BUDGET} on the engine's ticker,
 *       checked every few hundred steps and inside every regular expression ({@link BoundedRegex},
 *       a JSONPath filter's {@link RegexRelation}).
 * </ul>
 *
 * A template past a bound fails as any failing template does: 500 with an execution-log line.
 */
public final class TemplateEngine {
    /** The largest template API Gateway accepts: 300 KB. */
    public static final int MAX_TEMPLATE_BYTES = 300 * 1024;

    /** The most iterations of one {@code #foreach} (reference 1.1). */
    public static final int MAX_LOOPS = 1000;

    /**
     * The most characters a rendering may produce: 10 MB, the payload limit of reference 9.5 (our
     * choice: API Gateway documents no output limit of its own).
     */
    public static final int MAX_OUTPUT_CHARS = 10 * 1024 * 1024;

    /** The most elements a template may put in one map or collection (our choice). */
    public static final int MAX_COLLECTION_SIZE = 1_000_000;

    /** The largest number, in bits, a template's arithmetic may build (our choice). */
    public static final int MAX_NUMBER_BITS = 1 << 20;

    /** The time one rendering may take by default: one second of the engine's ticker. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(1);

    /** The work steps one rendering may take by default. */
    public static final long DEFAULT_WORK_BUDGET = 10_000_000;

    private final RuntimeInstance velocity = new RuntimeInstance();
    private final JsonPaths paths = new JsonPaths();
    private final TemplateLimits limits;

    private TemplateEngine(TemplateLimits limits) {
        this.limits = limits;
        velocity.setApplicationAttribute(TemplateLimits.ATTRIBUTE, limits);
        velocity.setProperty("parser.space_gobbling", "bc");
        velocity.setProperty("parser.allow_hyphen_in_identifiers", true);
        velocity.setProperty("directive.foreach.max_loops", MAX_LOOPS);
        velocity.setProperty(
                "runtime.custom_directives",
                LimitedForeach.class.getName() + "," + NoEvaluate.class.getName());
        velocity.setProperty("introspector.uberspect.class", SandboxUberspector.class.getName());
        velocity.setProperty(
                "event_handler.reference_insertion.class",
                NullAsEmpty.class.getName() + "," + InsertionLimit.class.getName());
        velocity.setProperty("runtime.log.log_invalid_references", false);
        velocity.setProperty("resource.loaders", "none");
        velocity.setProperty("resource.loader.none.class", NoResources.class.getName());
        velocity.init();
    }

    /** Returns a new engine with the default budgets and the system's nanosecond ticker. */
    public static TemplateEngine create() {
        return new TemplateEngine(defaultLimits());
    }

    /** Returns a builder of an engine with other budgets or another ticker. */
    public static Builder builder() {
        return new Builder();
    }

    static TemplateLimits defaultLimits() {
        return new TemplateLimits(
                System::nanoTime, DEFAULT_TIME_BUDGET.toNanos(), DEFAULT_WORK_BUDGET);
    }

    /** Builds a {@link TemplateEngine}. */
    public static final class Builder {
        private LongSupplier ticker = System::nanoTime;
        private Duration timeBudget = DEFAULT_TIME_BUDGET;
        private long workBudget = DEFAULT_WORK_BUDGET;

        private Builder() {}

        /** Sets the ticker the time budget is read from, in nanoseconds (default: the system's). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker);
            return this;
        }

        /** Sets the time one rendering may take (default {@link #DEFAULT_TIME_BUDGET}). */
        public Builder timeBudget(Duration timeBudget) {
            this.timeBudget = Objects.requireNonNull(timeBudget);
            return this;
        }

        /** Sets the work steps one rendering may take (default {@link #DEFAULT_WORK_BUDGET}). */
        public Builder workBudget(long workBudget) {
            this.workBudget = workBudget;
            return this;
        }

        /** Returns the engine; fails when a budget is not positive. */
        public TemplateEngine build() {
            return new TemplateEngine(new TemplateLimits(ticker, timeBudget.toNanos(), workBudget));
        }
    }

    /**
     * Parses a template as a deployment does: one that does not parse is accepted, as AWS accepts
     * it, and fails every rendering with 500 (reference 1.1; issue 9); {@code warnings} gets one
     * line naming {@code place}. A template over 300 KB still fails.
     */
    public MappingTemplate compileForDeployment(
            String place, String text, Consumer<String> warnings) {
        try {
            return compile(place, text);
        } catch (TemplateSyntaxException e) {
            warnings.accept(place + ": does not parse: " + e.reason());
            return MappingTemplate.failing(place, "template does not parse: " + e.reason());
        }
    }

    /**
     * Parses a template once; fails with a message naming {@code place} when it is over 300 KB, or
     * with {@link TemplateSyntaxException} when it does not parse.
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
        SandboxNodes.apply(tree);
        template.setData(tree);
        template.initDocument();
        return new MappingTemplate(template, paths, limits);
    }
}
