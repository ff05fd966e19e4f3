package io.rapport.trend;

/**
 * Rule parameters, configurable per organisation. The defaults are the ones the rupture simulation supports (README,
 * "Rupture simulation").
 *
 * @param rciZ z of the reliable change index reported per score and of split alliance (1.96 for 95 %)
 * @param personalDropMinEarlier minimum number of earlier scores before personal-drop applies (at least 2, for an SD)
 * @param personalDropSdMultiplier how many error SDs a score must fall under the mean of the pair's earlier scores
 * @param repairWindow number of sessions after a rupture within which a repair counts
 * @param noResponseExpiries consecutive expired assignments that raise no-response
 * @param reliableDropZ z a drop from the previous score must reach, in units of √2 · error SD, to be a rupture; higher
 *        than {@code rciZ} because every session of every pair is tested
 */
public record Thresholds(double rciZ, int personalDropMinEarlier, double personalDropSdMultiplier, int repairWindow,
        int noResponseExpiries, double reliableDropZ) {

    public static final double DEFAULT_RELIABLE_DROP_Z = 3.0;
    public static final double DEFAULT_PERSONAL_DROP_SD_MULTIPLIER = 3.0;

    public static final Thresholds DEFAULTS = new Thresholds(1.96, 3, DEFAULT_PERSONAL_DROP_SD_MULTIPLIER, 3, 2,
            DEFAULT_RELIABLE_DROP_Z);

    public Thresholds {
        if (!(rciZ > 0) || personalDropMinEarlier < 2 || personalDropSdMultiplier < 0 || repairWindow < 1
                || noResponseExpiries < 1 || !(reliableDropZ > 0)) {
            throw new IllegalArgumentException("invalid thresholds");
        }
    }
}
