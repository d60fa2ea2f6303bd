package dev.apigw.samples.localserver.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's {@code PriceFunction}, behind a non-proxy (AWS) Lambda integration: it receives what
 * the request template made ({@code {"petId": "1", "currency": "EUR"}}) and returns {@code
 * {"petId", "amount", "currency"}}, which the response template reshapes. An unknown pet throws,
 * and the integration response whose selection pattern matches {@code Not found.*} answers 404.
 */
public final class PriceHandler
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Map<String, Double> PRICES_IN_USD = Map.of("1", 249.99, "2", 124.99);
    private static final Map<String, Double> RATES = Map.of("USD", 1.0, "EUR", 0.5);

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String petId = String.valueOf(input.get("petId"));
        Double usd = PRICES_IN_USD.get(petId);
        if (usd == null) {
            throw new IllegalArgumentException("Not found: pet " + petId);
        }
        Object asked = input.get("currency");
        String currency = asked == null || asked.toString().isEmpty() ? "USD" : asked.toString();
        Double rate = RATES.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("Unsupported currency " + currency);
        }
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("petId", petId);
        quote.put("amount", Math.round(usd * rate * 100) / 100.0);
        quote.put("currency", currency);
        return quote;
    }
}
