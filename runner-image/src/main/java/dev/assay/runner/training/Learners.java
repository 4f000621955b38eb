package dev.assay.runner.training;

import dev.assay.model.plan.params.ModelAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;
import smile.math.MathEx;
import smile.model.cart.Loss;
import smile.model.cart.SplitRule;
import smile.regression.RegressionTree;

/**
 * Fits the Smile models on model inputs. One place holds every hyperparameter, chosen to match common
 * defaults (scikit-learn's where they exist) so that results are comparable and nothing is tuned on the
 * test rows. Smile's data frames are built here from plain columns (Tablesaw's Smile bridge targets Smile 2).
 */
final class Learners {

    static final int FOREST_TREES = 100;
    static final int BOOSTING_TREES = 200;
    static final int BOOSTING_LEAVES = 8;
    static final double BOOSTING_SHRINKAGE = 0.1;
    static final double BOOSTING_SUBSAMPLE = 0.8;
    static final int TREE_DEPTH = 10;
    static final int NODE_SIZE = 5;
    /** L2 penalty of logistic and ridge regression on standardised inputs (scikit-learn's C = 1, alpha = 1). */
    static final double PENALTY = 1.0;
    /**
     * Most leaves per tree of a forest. Without a cap a forest grown out on a million rows would hold hundreds of
     * millions of nodes; 10,000 leaves keep 100 trees within a few hundred MB and change nothing on data of the
     * size of the benchmark's.
     */
    static final int MAX_LEAVES = 10_000;

    private static final Formula FORMULA = Formula.lhs("y");

    static {
        // Smile's regression trees consider a split only every n/100 rows of the whole training set unless told
        // otherwise, which leaves deep nodes unable to split finely (diamonds: R² 0.964 instead of 0.980). Exact
        // splits cost about the same here. An operator's explicit setting wins.
        if (System.getProperty("smile.regression_tree.bins") == null) {
            System.setProperty("smile.regression_tree.bins", "1");
        }
    }

    private Learners() {}

    static Predictor.ForClasses classifier(ModelAlgorithm algorithm, double[][] x, int[] y, int classes, long seed) {
        int p = width(x);
        int[] present = IntStream.of(y).distinct().sorted().toArray();
        if (present.length == 1) {
            return new Predictor.SingleClass(present[0], p);
        }
        MathEx.setSeed(seed);
        return switch (algorithm) {
            case RANDOM_FOREST -> {
                // Grown out like scikit-learn's (leaves of one row); depth 64 and the leaf cap are only backstops.
                var options = new RandomForest.Options(
                        FOREST_TREES,
                        0,
                        SplitRule.GINI,
                        64,
                        Math.min(x.length, MAX_LEAVES),
                        1,
                        1.0,
                        null,
                        seeds(seed, FOREST_TREES),
                        null);
                RandomForest model = RandomForest.fit(FORMULA, frame(x, ValueVector.of("y", y)), options);
                yield new Predictor.TreeClassifier(model, inputSchema(p), model.classes(), model.importance());
            }
            case GRADIENT_BOOSTING -> {
                var options = new GradientTreeBoost.Options(
                        BOOSTING_TREES,
                        20,
                        BOOSTING_LEAVES,
                        NODE_SIZE,
                        BOOSTING_SHRINKAGE,
                        BOOSTING_SUBSAMPLE,
                        null,
                        null);
                GradientTreeBoost model = GradientTreeBoost.fit(FORMULA, frame(x, ValueVector.of("y", y)), options);
                yield new Predictor.TreeClassifier(model, inputSchema(p), model.classes(), model.importance());
            }
            case DECISION_TREE -> {
                var options = new DecisionTree.Options(
                        SplitRule.GINI, TREE_DEPTH, Math.max(2, x.length / NODE_SIZE), NODE_SIZE);
                DecisionTree model = DecisionTree.fit(FORMULA, frame(x, ValueVector.of("y", y)), options);
                yield new Predictor.TreeClassifier(model, inputSchema(p), model.classes(), model.importance());
            }
            case LOGISTIC_REGRESSION -> {
                Standardizer standardizer = Standardizer.fit(x);
                LogisticRegression model = LogisticRegression.fit(
                        standardizer.apply(x), y, new LogisticRegression.Options(PENALTY, 1e-5, 500));
                yield new Predictor.LinearClassifier(
                        model, standardizer, model.classes(), logisticImportance(model, p));
            }
            case LINEAR_REGRESSION, AUTO ->
                throw new IllegalArgumentException(algorithm.wireName() + " does not classify");
        };
    }

    static Predictor.ForValues regressor(ModelAlgorithm algorithm, double[][] x, double[] y, long seed) {
        int p = width(x);
        MathEx.setSeed(seed);
        return switch (algorithm) {
            case RANDOM_FOREST -> {
                // Smile's defaults (a third of the inputs per split, depth 20, leaves of five rows): on diamonds as
                // accurate as scikit-learn's fully grown forest in half the time of growing Smile's out as far.
                var options = new smile.regression.RandomForest.Options(
                        FOREST_TREES,
                        0,
                        20,
                        Math.max(2, Math.min(x.length / NODE_SIZE, MAX_LEAVES)),
                        NODE_SIZE,
                        1.0,
                        seeds(seed, FOREST_TREES),
                        null);
                var model = smile.regression.RandomForest.fit(FORMULA, frame(x, ValueVector.of("y", y)), options);
                yield new Predictor.TreeRegressor(model, inputSchema(p), model.importance());
            }
            case GRADIENT_BOOSTING -> {
                var options = new smile.regression.GradientTreeBoost.Options(
                        Loss.ls(),
                        BOOSTING_TREES,
                        20,
                        BOOSTING_LEAVES,
                        NODE_SIZE,
                        BOOSTING_SHRINKAGE,
                        BOOSTING_SUBSAMPLE,
                        null,
                        null);
                var model = smile.regression.GradientTreeBoost.fit(FORMULA, frame(x, ValueVector.of("y", y)), options);
                yield new Predictor.TreeRegressor(model, inputSchema(p), model.importance());
            }
            case DECISION_TREE -> {
                var options = new RegressionTree.Options(TREE_DEPTH, Math.max(2, x.length / NODE_SIZE), NODE_SIZE);
                RegressionTree model = RegressionTree.fit(FORMULA, frame(x, ValueVector.of("y", y)), options);
                yield new Predictor.TreeRegressor(model, inputSchema(p), model.importance());
            }
            case LINEAR_REGRESSION -> ridge(x, y);
            case LOGISTIC_REGRESSION, AUTO ->
                throw new IllegalArgumentException(algorithm.wireName() + " does not regress");
        };
    }

    /** The algorithms auto compares, simplest first (a tie keeps the simpler one). */
    static List<ModelAlgorithm> candidates(dev.assay.model.plan.params.ModelTask task) {
        return switch (task) {
            case CLASSIFICATION ->
                List.of(
                        ModelAlgorithm.LOGISTIC_REGRESSION,
                        ModelAlgorithm.DECISION_TREE,
                        ModelAlgorithm.RANDOM_FOREST,
                        ModelAlgorithm.GRADIENT_BOOSTING);
            case REGRESSION ->
                List.of(
                        ModelAlgorithm.LINEAR_REGRESSION,
                        ModelAlgorithm.DECISION_TREE,
                        ModelAlgorithm.RANDOM_FOREST,
                        ModelAlgorithm.GRADIENT_BOOSTING);
        };
    }

    /**
     * Ridge regression solved exactly (normal equations, Cholesky) on standardised inputs. Written out because
     * Smile 6's RidgeRegression calls a native BLAS/LAPACK through the FFM API, which neither the runner image
     * nor a laptop can be assumed to have; the system is small (inputs x inputs), so plain Java is quick.
     */
    static Predictor.Ridge ridge(double[][] x, double[] y) {
        Standardizer standardizer = Standardizer.fit(x);
        double[][] z = standardizer.apply(x);
        int n = z.length;
        int p = width(z);
        double mean = Arrays.stream(y).average().orElse(0);
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            double[] row = z[i];
            double r = y[i] - mean;
            for (int j = 0; j < p; j++) {
                b[j] += row[j] * r;
                for (int k = 0; k <= j; k++) {
                    a[j][k] += row[j] * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            a[j][j] += PENALTY;
        }
        return new Predictor.Ridge(choleskySolve(a, b), mean, standardizer);
    }

    /** Solves A w = b for symmetric positive definite A given by its lower triangle. */
    private static double[] choleskySolve(double[][] a, double[] b) {
        int p = b.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double sum = a[j][j];
            for (int k = 0; k < j; k++) {
                sum -= l[j][k] * l[j][k];
            }
            l[j][j] = Math.sqrt(Math.max(sum, 1e-12));
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * v[k];
            }
            v[i] = s / l[i][i];
        }
        double[] w = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = v[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * w[k];
            }
            w[i] = s / l[i][i];
        }
        return w;
    }

    private static double[] logisticImportance(LogisticRegression model, int p) {
        double[] importance = new double[p];
        if (model instanceof LogisticRegression.Binomial binomial) {
            double[] w = binomial.coefficients();
            for (int j = 0; j < p; j++) {
                importance[j] = Math.abs(w[j]);
            }
        } else if (model instanceof LogisticRegression.Multinomial multinomial) {
            for (double[] w : multinomial.coefficients()) {
                for (int j = 0; j < p; j++) {
                    importance[j] += Math.abs(w[j]);
                }
            }
        }
        return importance;
    }

    private static long[] seeds(long seed, int count) {
        return new java.util.Random(seed).longs(count).toArray();
    }

    private static int width(double[][] x) {
        return x.length == 0 ? 0 : x[0].length;
    }

    static StructType inputSchema(int p) {
        return new StructType(IntStream.range(0, p)
                .mapToObj(j -> new StructField("f" + j, DataTypes.DoubleType))
                .toList());
    }

    private static DataFrame frame(double[][] x, ValueVector y) {
        int n = x.length;
        int p = width(x);
        ValueVector[] columns = new ValueVector[p + 1];
        for (int j = 0; j < p; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = x[i][j];
            }
            columns[j] = ValueVector.of("f" + j, column);
        }
        columns[p] = y;
        return new DataFrame(columns);
    }
}
