package dev.apigw.model.template;

/**
 * Derives stable AWS-shaped identifiers (lowercase letters and digits) from a seed, so that an API
 * defined twice gets the same ids, and tests can name them.
 */
public final class StableIds {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private StableIds() {}

    /** Returns an id of {@code length} lowercase letters and digits derived from {@code seed}. */
    public static String of(String seed, int length) {
        long h = 1125899906842597L;
        for (int i = 0; i < seed.length(); i++) {
            h = 31 * h + seed.charAt(i);
        }
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            h ^= h << 13;
            h ^= h >>> 7;
            h ^= h << 17;
            id.append(ALPHABET[(int) Math.floorMod(h, (long) ALPHABET.length)]);
        }
        return id.toString();
    }
}
