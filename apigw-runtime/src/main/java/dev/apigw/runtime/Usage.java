package dev.apigw.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The usage of a usage plan's API keys over an interval of days, as AWS's GetUsage returns it
 * (reference 8.2): for each key id, one {@code [used, remaining]} pair per UTC day from {@code
 * startDate} to {@code endDate} inclusive, the requests counted that day and the quota left in the
 * day's period at its end.
 *
 * @param usagePlanId the plan's id
 * @param startDate the first day
 * @param endDate the last day
 * @param items the daily usage by API key id (AWS's model field {@code items}, sent as {@code
 *     values}), in key id order
 */
public record Usage(
        String usagePlanId, LocalDate startDate, LocalDate endDate, Map<String, List<Day>> items) {
    /** Checks and copies. */
    public Usage {
        Objects.requireNonNull(usagePlanId);
        Objects.requireNonNull(startDate);
        Objects.requireNonNull(endDate);
        Map<String, List<Day>> copy = new LinkedHashMap<>();
        items.forEach((key, days) -> copy.put(key, List.copyOf(days)));
        items = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns GetUsage's JSON answer: {@code
     * {"usagePlanId":"..","startDate":"2026-01-01","endDate":"2026-01-03","values":{"keyId":[[used,
     * remaining],...]}}}.
     */
    public String toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("usagePlanId", usagePlanId);
        root.put("startDate", startDate.toString());
        root.put("endDate", endDate.toString());
        ObjectNode values = root.putObject("values");
        items.forEach(
                (key, days) -> {
                    ArrayNode pairs = values.putArray(key);
                    for (Day day : days) {
                        pairs.addArray().add(day.used()).add(day.remaining());
                    }
                });
        return root.toString();
    }

    /**
     * The usage of one key on one day.
     *
     * @param used the requests the plan counted that day
     * @param remaining the quota left in the day's period at the end of the day (so far, for
     *     today); 0 for a plan without a quota
     */
    public record Day(long used, long remaining) {}
}
