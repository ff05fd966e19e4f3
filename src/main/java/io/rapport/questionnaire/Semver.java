package io.rapport.questionnaire;

import java.util.Arrays;
import java.util.Comparator;

/** Orders MAJOR.MINOR.PATCH numerically, so 1.10.0 comes after 1.9.0. */
final class Semver {

    static final Comparator<String> ORDER = Comparator.comparing(Semver::parts, Arrays::compare);

    private Semver() {
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
