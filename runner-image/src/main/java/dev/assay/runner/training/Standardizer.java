package dev.assay.runner.training;

import java.io.Serializable;

/** Centres and scales model inputs for the linear models, with statistics of the training rows only. */
record Standardizer(double[] mean, double[] scale) implements Serializable {

    static Standardizer fit(double[][] x) {
        int p = x.length == 0 ? 0 : x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= Math.max(1, x.length);
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = Math.sqrt(scale[j] / Math.max(1, x.length));
            if (scale[j] == 0 || !Double.isFinite(scale[j])) {
                scale[j] = 1; // a constant input carries nothing; leave it at 0 after centring
            }
        }
        return new Standardizer(mean, scale);
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
        return out;
    }

    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
        return out;
    }
}
