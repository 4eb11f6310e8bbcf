package dev.vouch.registry.advisories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * The PEP 440 version order for PyPI: epoch, release numbers, then dev &lt; pre (a, b, rc) &lt; final
 * &lt; post. No maintained Java library implements it; versions it cannot parse fall back to a
 * general-purpose order.
 */
final class Pep440 {

    private static final Pattern VERSION =
            Pattern.compile("v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\\d*))?"
                    + "(?:(?:[-_.]?(post|rev|r)[-_.]?(\\d*))|-(\\d+))?(?:[-_.]?(dev)[-_.]?(\\d*))?(?:\\+[a-z0-9.]+)?");

    private Pep440() {}

    static int compare(String a, String b) {
        long[] left = key(a);
        long[] right = key(b);
        if (left == null || right == null) {
            return new ComparableVersion(a).compareTo(new ComparableVersion(b));
        }
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long x = i < left.length ? left[i] : 0;
            long y = i < right.length ? right[i] : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    /**
     * A sort key: epoch, then a fixed-width phase block (pre kind and number, post, dev), then the
     * release numbers padded. Phases: dev-only release &lt; pre-releases &lt; final &lt; post-releases.
     */
    private static long[] key(String version) {
        Matcher m = VERSION.matcher(version.trim().toLowerCase(Locale.ROOT));
        if (version.length() > 100 || !m.matches()) {
            return null;
        }
        List<Long> key = new ArrayList<>();
        key.add(m.group(1) == null ? 0 : Long.parseLong(m.group(1)));
        String[] release = m.group(2).split("\\.");
        for (int i = 0; i < 8; i++) {
            key.add(i < release.length ? Long.parseLong(release[i]) : 0);
        }
        boolean hasPre = m.group(3) != null;
        boolean hasPost = m.group(5) != null || m.group(7) != null;
        boolean hasDev = m.group(8) != null;
        long preKind = hasPre
                ? switch (m.group(3)) {
                    case "a", "alpha" -> 1;
                    case "b", "beta" -> 2;
                    default -> 3;
                }
                : (hasDev && !hasPost ? 0 : 4);
        key.add(preKind);
        key.add(hasPre && !m.group(4).isEmpty() ? Long.parseLong(m.group(4)) : 0);
        String post = m.group(6) != null ? m.group(6) : m.group(7);
        key.add(hasPost ? 1 + (post == null || post.isEmpty() ? 0 : Long.parseLong(post)) : 0);
        key.add(hasDev ? (m.group(9).isEmpty() ? 0 : Long.parseLong(m.group(9))) : Long.MAX_VALUE);
        return key.stream().mapToLong(Long::longValue).toArray();
    }
}
