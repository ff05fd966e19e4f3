package io.rapport.trend;

/** Welford's online mean and sample variance: O(1) per point and stable for long series. */
final class RunningStats {

    private int n;
    private double mean;
    private double sumSquaredDeviations;

    void add(double value) {
        n++;
        double delta = value - mean;
        mean += delta / n;
        sumSquaredDeviations += delta * (value - mean);
    }

    int n() {
        return n;
    }

    Double mean() {
        return n == 0 ? null : mean;
    }

    Double sampleSd() {
        return n < 2 ? null : Math.sqrt(sumSquaredDeviations / (n - 1));
    }
}
