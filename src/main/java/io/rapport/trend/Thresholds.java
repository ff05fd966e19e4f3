package io.rapport.trend;

/**
 * Rule parameters, configurable per organisation.
 *
 * @param rciZ z of the reliable change index (1.96 for 95 %)
 * @param personalDropMinEarlier minimum number of earlier scores before personal-drop applies (at least 2, for an SD)
 * @param personalDropSdMultiplier how many SDs of the earlier scores a score must fall under their mean
 * @param repairWindow number of sessions after a rupture within which a repair counts
 * @param noResponseExpiries consecutive expired assignments that raise no-response
 */
public record Thresholds(double rciZ, int personalDropMinEarlier, double personalDropSdMultiplier, int repairWindow,
        int noResponseExpiries) {

    public static final Thresholds DEFAULTS = new Thresholds(1.96, 3, 2, 3, 2);

    public Thresholds {
        if (!(rciZ > 0) || personalDropMinEarlier < 2 || personalDropSdMultiplier < 0 || repairWindow < 1
                || noResponseExpiries < 1) {
            throw new IllegalArgumentException("invalid thresholds");
        }
    }
}
