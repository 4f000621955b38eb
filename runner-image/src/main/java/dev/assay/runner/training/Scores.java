package dev.assay.runner.training;

import dev.assay.model.result.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smile.validation.metric.AUC;
import smile.validation.metric.MAD;
import smile.validation.metric.R2;
import smile.validation.metric.RMSE;

/**
 * The scores of a model. Accuracy, ROC AUC, RMSE, MAE and R² are Smile's; balanced accuracy, macro F1 and
 * log loss are computed from the confusion matrix with the number of classes known up front, because Smile's
 * versions infer it from the labels they are given and a small fold may lack a class.
 */
public final class Scores {

    public static final String ACCURACY = "accuracy";
    public static final String BALANCED_ACCURACY = "balanced_accuracy";
    public static final String MACRO_F1 = "macro_f1";
    public static final String ROC_AUC = "roc_auc";
    public static final String LOG_LOSS = "log_loss";
    public static final String RMSE_NAME = "rmse";
    public static final String MAE = "mae";
    public static final String R2_NAME = "r2";

    private static final double EPSILON = 1e-15;

    private Scores() {}

    /**
     * @param truth         class codes 0..k-1
     * @param predicted     class codes
     * @param probabilities per row, per class
     */
    public static Metrics classification(int[] truth, int[] predicted, double[][] probabilities, List<String> labels) {
        int k = labels.size();
        long[][] counts = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(ACCURACY, smile.validation.metric.Accuracy.of(truth, predicted));
        double recallSum = 0;
        int classesPresent = 0;
        double f1Sum = 0;
        int classesSeen = 0;
        for (int c = 0; c < k; c++) {
            long actual = 0;
            long predictedAs = 0;
            for (int j = 0; j < k; j++) {
                actual += counts[c][j];
                predictedAs += counts[j][c];
            }
            long hit = counts[c][c];
            if (actual > 0) {
                recallSum += (double) hit / actual;
                classesPresent++;
            }
            if (actual > 0 || predictedAs > 0) {
                f1Sum += 2.0 * hit / (actual + predictedAs);
                classesSeen++;
            }
        }
        scores.put(BALANCED_ACCURACY, recallSum / Math.max(1, classesPresent));
        scores.put(MACRO_F1, f1Sum / Math.max(1, classesSeen));
        if (k == 2 && classesPresent == 2) {
            double[] positive = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                positive[i] = probabilities[i][1];
            }
            scores.put(ROC_AUC, AUC.of(truth, positive));
        }
        double loss = 0;
        for (int i = 0; i < truth.length; i++) {
            loss -= Math.log(Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i][truth[i]])));
        }
        scores.put(LOG_LOSS, loss / Math.max(1, truth.length));
        List<List<Long>> matrix = new ArrayList<>();
        for (long[] row : counts) {
            matrix.add(java.util.Arrays.stream(row).boxed().toList());
        }
        return new Metrics(scores, Optional.of(new Metrics.ConfusionMatrix(labels, matrix)));
    }

    public static Metrics regression(double[] truth, double[] predicted) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(RMSE_NAME, RMSE.of(truth, predicted));
        scores.put(MAE, MAD.of(truth, predicted));
        scores.put(R2_NAME, truth.length < 2 ? Double.NaN : R2.of(truth, predicted));
        return new Metrics(scores, Optional.empty());
    }
}
