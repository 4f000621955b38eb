package dev.assay.runner.training;

import java.io.Serializable;
import smile.classification.Classifier;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.Regression;

/** A fitted model on model inputs (after the {@link Preprocessor}). Serializable, it goes into model.bin. */
public sealed interface Predictor extends Serializable permits Predictor.ForClasses, Predictor.ForValues {

    /** Importance of each model input, not normalised; empty when the model has none. */
    double[] importance();

    /** Classification: the predicted class code, with class probabilities written into {@code probabilities}. */
    sealed interface ForClasses extends Predictor permits TreeClassifier, LinearClassifier, SingleClass {
        int predict(double[] x, double[] probabilities);

        /**
         * Puts a model's posterior (indexed by its own classes) into {@code probabilities} (indexed by ours) and
         * returns our most probable class.
         */
        private static int spread(double[] posterior, int[] classes, double[] probabilities) {
            java.util.Arrays.fill(probabilities, 0.0);
            int best = 0;
            for (int i = 0; i < classes.length; i++) {
                probabilities[classes[i]] = posterior[i];
                if (posterior[i] > posterior[best]) {
                    best = i;
                }
            }
            return classes[best];
        }
    }

    /** Regression: the predicted value. */
    sealed interface ForValues extends Predictor permits TreeRegressor, Ridge {
        double predict(double[] x);
    }

    /**
     * A Smile tree model on a data frame of inputs named f0, f1, ... (names of users' columns can be anything;
     * the model never sees them). {@code classes} maps Smile's class index to ours, since a training fold can
     * lack a class.
     */
    record TreeClassifier(Classifier<Tuple> model, StructType schema, int[] classes, double[] importance)
            implements ForClasses {
        @Override
        public int predict(double[] x, double[] probabilities) {
            double[] posterior = new double[classes.length];
            model.predict(Tuple.of(schema, x), posterior);
            return ForClasses.spread(posterior, classes, probabilities);
        }
    }

    record LinearClassifier(Classifier<double[]> model, Standardizer standardizer, int[] classes, double[] importance)
            implements ForClasses {
        @Override
        public int predict(double[] x, double[] probabilities) {
            double[] posterior = new double[classes.length];
            model.predict(standardizer.apply(x), posterior);
            return ForClasses.spread(posterior, classes, probabilities);
        }
    }

    /** Training rows of a single class (a tiny fold): nothing to learn, that class is the answer. */
    record SingleClass(int label, int inputs) implements ForClasses {
        @Override
        public int predict(double[] x, double[] probabilities) {
            java.util.Arrays.fill(probabilities, 0.0);
            probabilities[label] = 1.0;
            return label;
        }

        @Override
        public double[] importance() {
            return new double[inputs];
        }
    }

    record TreeRegressor(Regression<Tuple> model, StructType schema, double[] importance) implements ForValues {
        @Override
        public double predict(double[] x) {
            return model.predict(Tuple.of(schema, x));
        }
    }

    /** Ridge regression on standardised inputs: {@code y = intercept + weights . standardise(x)}. */
    record Ridge(double[] weights, double intercept, Standardizer standardizer) implements ForValues {
        @Override
        public double predict(double[] x) {
            double[] z = standardizer.apply(x);
            double y = intercept;
            for (int j = 0; j < z.length; j++) {
                y += weights[j] * z[j];
            }
            return y;
        }

        @Override
        public double[] importance() {
            return java.util.Arrays.stream(weights).map(Math::abs).toArray();
        }
    }
}
