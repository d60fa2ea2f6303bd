package dev.apigw.samples.localserver;

import dev.apigw.runtime.ApiGatewayMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The metrics the server prints when it stops, on standard error: one line per meter of the
 * registry, sorted by name and dimensions, {@code metric NAME{DIMENSION=VALUE,...} VALUES}, where a
 * counter shows {@code count=N}, a timer {@code count=N mean=X.XXXms max=X.XXXms}, a distribution
 * summary {@code count=N mean=X max=X}, a gauge {@code value=X}, and any other meter its
 * measurements. The meters are the runtime's, with AWS's names and dimensions (reference 10.1).
 */
final class MetricsSummary {
    private MetricsSummary() {}

    /** Returns the lines of the registry's meters, none when it has none. */
    static List<String> lines(MeterRegistry registry) {
        List<Meter> meters = new ArrayList<>(registry.getMeters());
        meters.sort(Comparator.comparing(MetricsSummary::name));
        List<String> lines = new ArrayList<>(meters.size());
        for (Meter meter : meters) {
            lines.add("metric " + name(meter) + " " + values(meter));
        }
        return lines;
    }

    private static String name(Meter meter) {
        List<Tag> tags = meter.getId().getTags();
        String name = meter.getId().getName();
        if (name.startsWith(ApiGatewayMetrics.NAMESPACE_PREFIX)) {
            name = name.substring(ApiGatewayMetrics.NAMESPACE_PREFIX.length());
        }
        if (tags.isEmpty()) {
            return name;
        }
        return name
                + tags.stream()
                        .map(t -> t.getKey() + "=" + t.getValue())
                        .collect(Collectors.joining(",", "{", "}"));
    }

    private static String values(Meter meter) {
        return meter.match(
                gauge -> "value=" + number(gauge.value()),
                counter -> "count=" + number(counter.count()),
                timer ->
                        "count="
                                + timer.count()
                                + " mean="
                                + millis(timer.mean(TimeUnit.MILLISECONDS))
                                + " max="
                                + millis(timer.max(TimeUnit.MILLISECONDS)),
                summary ->
                        "count="
                                + summary.count()
                                + " mean="
                                + number(summary.mean())
                                + " max="
                                + number(summary.max()),
                longTaskTimer -> "active=" + longTaskTimer.activeTasks(),
                timeGauge -> "value=" + millis(timeGauge.value(TimeUnit.MILLISECONDS)),
                functionCounter -> "count=" + number(functionCounter.count()),
                functionTimer ->
                        "count="
                                + number(functionTimer.count())
                                + " mean="
                                + millis(functionTimer.mean(TimeUnit.MILLISECONDS)),
                other -> measurements(other));
    }

    private static String measurements(Meter meter) {
        List<String> values = new ArrayList<>();
        meter.measure()
                .forEach(
                        m ->
                                values.add(
                                        m.getStatistic().name().toLowerCase(Locale.ROOT)
                                                + "="
                                                + number(m.getValue())));
        return String.join(" ", values);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.3fms", value);
    }

    /** Returns a whole number without a fraction, any other with three decimals. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
