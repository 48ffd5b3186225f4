package io.platformsim.scheduler.resource;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Parses Kubernetes resource quantities ("500m", "2", "1.5Gi", "10M") into {@code long}s.
 *
 * <p>Like upstream {@code resource.Quantity.Value()} / {@code MilliValue()} (k8s.io/apimachinery
 * pkg/api/resource/quantity.go) fractional results round up. Every value must lie in
 * {@code [0, MAX]}; {@link #MAX} (2^52) keeps every score product of the scorers (at most
 * {@code value * 100}) far from {@code long} overflow.
 */
public final class Quantity {
    /** Largest accepted quantity in base units (2^52, about 4.5e15). */
    public static final long MAX = 1L << 52;

    private Quantity() {
    }

    /**
     * Parses {@code text}; with {@code milli} the result is in thousandths (CPU is stored in
     * milli-CPU, so "500m" gives 500 and "2" gives 2000).
     *
     * @param field name of the field being parsed, used in the error message
     * @throws IllegalArgumentException naming {@code field} and the text if malformed, negative
     *                                  or larger than {@link #MAX}
     */
    public static long parse(String field, String text, boolean milli) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": quantity is empty");
        }
        String t = text.strip();
        int end = t.length();
        while (end > 0 && Character.isLetter(t.charAt(end - 1))) {
            end--;
        }
        String number = t.substring(0, end);
        String suffix = t.substring(end);
        BigDecimal multiplier = multiplier(field, text, suffix);
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": malformed quantity '" + text + "'");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + ": negative quantity '" + text + "'");
        }
        BigDecimal scaled = value.multiply(multiplier);
        if (milli) {
            scaled = scaled.scaleByPowerOfTen(3);
        }
        BigDecimal rounded = scaled.setScale(0, RoundingMode.CEILING);
        if (rounded.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new IllegalArgumentException(field + ": quantity '" + text + "' exceeds the maximum " + MAX
                    + (milli ? " milli-units" : " units"));
        }
        return rounded.longValueExact();
    }

    /**
     * Checks a raw value in base units.
     *
     * @throws IllegalArgumentException naming {@code field} if negative or above {@link #MAX}
     */
    public static long check(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": negative quantity " + value);
        }
        if (value > MAX) {
            throw new IllegalArgumentException(field + ": quantity " + value + " exceeds the maximum " + MAX);
        }
        return value;
    }

    private static BigDecimal multiplier(String field, String text, String suffix) {
        switch (suffix) {
            case "": return BigDecimal.ONE;
            case "m": return new BigDecimal("0.001");
            case "k": return BigDecimal.TEN.pow(3);
            case "M": return BigDecimal.TEN.pow(6);
            case "G": return BigDecimal.TEN.pow(9);
            case "T": return BigDecimal.TEN.pow(12);
            case "P": return BigDecimal.TEN.pow(15);
            case "E": return BigDecimal.TEN.pow(18);
            case "Ki": return BigDecimal.valueOf(1L << 10);
            case "Mi": return BigDecimal.valueOf(1L << 20);
            case "Gi": return BigDecimal.valueOf(1L << 30);
            case "Ti": return BigDecimal.valueOf(1L << 40);
            case "Pi": return BigDecimal.valueOf(1L << 50);
            case "Ei": return BigDecimal.valueOf(1L << 60);
            default:
                throw new IllegalArgumentException(field + ": unknown quantity suffix '" + suffix + "' in '" + text + "'");
        }
    }
}
