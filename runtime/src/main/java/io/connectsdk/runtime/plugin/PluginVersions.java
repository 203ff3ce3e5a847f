package io.connectsdk.runtime.plugin;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders plugin versions, to pick the highest of several installed versions of one plugin.
 *
 * <p>A version is split into numeric and alphabetic parts at dots, dashes, underscores, plus
 * signs and letter/digit changes ({@code 1.10.0-rc2} is {@code 1, 10, 0, rc, 2}). Parts are
 * compared left to right: numbers numerically ({@code 1.10 > 1.9}); a number beats a word
 * ({@code 1.0.1 > 1.0-beta}); words compare case-insensitively; when one version runs out, missing
 * numbers count as {@code 0} ({@code 1.0 == 1.0.0}) and a remaining word makes the longer version
 * <em>lower</em>, so any qualifier sorts before its release ({@code 1.0-SNAPSHOT < 1.0},
 * {@code 1.0-rc1 < 1.0 < 1.0.1}); qualifiers among themselves compare alphabetically.
 * {@code null} and {@link PluginDesc#UNDEFINED_VERSION} are below every other version. Versions that
 * compare equal but are spelled differently are ordered by their text, so the order is total.
 *
 * <p>Stateless and thread-safe.
 */
public final class PluginVersions {
    /** Lowest first; never throws, accepts {@code null}. */
    public static final Comparator<String> ORDER = PluginVersions::compare;

    private PluginVersions() {
    }

    /**
     * @param a a version, may be {@code null}
     * @param b a version, may be {@code null}
     * @return negative, zero or positive as {@code a} is lower than, equal to or higher than {@code b}
     */
    public static int compare(String a, String b) {
        boolean aUndefined = isUndefined(a);
        boolean bUndefined = isUndefined(b);
        if (aUndefined || bUndefined) {
            return aUndefined == bUndefined ? 0 : aUndefined ? -1 : 1;
        }
        List<Object> pa = parse(a);
        List<Object> pb = parse(b);
        int n = Math.max(pa.size(), pb.size());
        for (int i = 0; i < n; i++) {
            Object x = i < pa.size() ? pa.get(i) : null;
            Object y = i < pb.size() ? pb.get(i) : null;
            int c = comparePart(x, y);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static boolean isUndefined(String v) {
        return v == null || v.isBlank() || PluginDesc.UNDEFINED_VERSION.equals(v);
    }

    private static int comparePart(Object x, Object y) {
        if (x == null) {
            return y instanceof BigInteger ? BigInteger.ZERO.compareTo((BigInteger) y) : 1;
        }
        if (y == null) {
            return -comparePart(y, x);
        }
        if (x instanceof BigInteger && y instanceof BigInteger) {
            return ((BigInteger) x).compareTo((BigInteger) y);
        }
        if (x instanceof BigInteger) {
            return 1;
        }
        if (y instanceof BigInteger) {
            return -1;
        }
        return ((String) x).compareTo((String) y);
    }

    private static List<Object> parse(String version) {
        List<Object> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean digits = null;
        for (int i = 0; i < version.length(); i++) {
            char ch = version.charAt(i);
            if (ch == '.' || ch == '-' || ch == '_' || ch == '+' || Character.isWhitespace(ch)) {
                flush(parts, current, digits);
                digits = null;
                continue;
            }
            boolean isDigit = ch >= '0' && ch <= '9';
            if (digits != null && digits != isDigit) {
                flush(parts, current, digits);
            }
            digits = isDigit;
            current.append(ch);
        }
        flush(parts, current, digits);
        return parts;
    }

    private static void flush(List<Object> parts, StringBuilder current, Boolean digits) {
        if (current.length() == 0) {
            return;
        }
        String s = current.toString();
        parts.add(Boolean.TRUE.equals(digits) ? (Object) new BigInteger(s) : s.toLowerCase(Locale.ROOT));
        current.setLength(0);
    }
}
