package io.adalab.core.spec;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short, readable values for run labels: {@code lr=0.0005}, {@code lr=1e-5}, {@code lr=0.003162}. */
public final class Labels {
    private Labels() {
    }

    /**
     * A value as a label shows it: whole numbers as integers, other numbers to four significant
     * digits, in plain notation unless scientific is clearly shorter ({@code 5.0E-4} becomes
     * {@code 0.0005}, {@code 1.0E-5} becomes {@code 1e-5}); anything else as its string.
     */
    public static String value(Object v) {
        if (!(v instanceof Double || v instanceof Float)) {
            return String.valueOf(v);
        }
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros();
        String plain = b.toPlainString();
        int exponent = b.precision() - b.scale() - 1;
        String mantissa = b.movePointLeft(exponent).toPlainString();
        String scientific = mantissa + "e" + exponent;
        return plain.length() <= scientific.length() + 2 ? plain : scientific;
    }
}
