package dev.apigw.runtime.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Media-type rules of API Gateway shared by templates and binary handling (reference 1.1, 6.3). */
public final class MediaTypes {
    /** The type API Gateway assumes when a request has no Content-Type or Accept. */
    public static final String JSON = "application/json";

    private MediaTypes() {}

    /** Returns the media type of a Content-Type value, parameters stripped, lower-cased. */
    public static String mimeType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mime.toLowerCase(Locale.ROOT);
    }

    /** Returns the first media type of an Accept value, parameters stripped. */
    public static String firstAccepted(String accept) {
        int comma = accept.indexOf(',');
        return mimeType(comma < 0 ? accept : accept.substring(0, comma));
    }

    /**
     * Returns whether a media type is listed in {@code binaryMediaTypes}: exactly, or through a
     * right-side wildcard ({@code image/*}, {@code *}{@code /*}); a left-side wildcard ({@code
     * *}{@code /png}) matches nothing (reference 6.3).
     */
    public static boolean isBinary(String mediaType, List<String> binaryMediaTypes) {
        if (mediaType.isEmpty()) {
            return false;
        }
        for (String entry : binaryMediaTypes) {
            String e = entry.toLowerCase(Locale.ROOT);
            if (e.equals("*/*")) {
                return true;
            }
            if (e.startsWith("*/")) {
                continue;
            }
            if (e.equals(mediaType)) {
                return true;
            }
            if (e.endsWith("/*") && mediaType.startsWith(e.substring(0, e.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the template for a media type: its own, else the {@code application/json} one, else
     * the first defined (reference 1.1); empty when there is none. {@code templates} must iterate
     * in definition order.
     */
    public static <T> Optional<Map.Entry<String, T>> select(
            Map<String, T> templates, String mediaType) {
        T template = templates.get(mediaType);
        if (template != null) {
            return Optional.of(Map.entry(mediaType, template));
        }
        template = templates.get(JSON);
        if (template != null) {
            return Optional.of(Map.entry(JSON, template));
        }
        return templates.isEmpty()
                ? Optional.empty()
                : Optional.of(templates.entrySet().iterator().next());
    }
}
