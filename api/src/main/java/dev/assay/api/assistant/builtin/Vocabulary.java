package dev.assay.api.assistant.builtin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words the built-in planner knows, by intent. Synonyms live here and nowhere else. */
final class Vocabulary {

    private Vocabulary() {
    }

    static final Set<String> REMOVE = Set.of("drop", "remove", "delete", "exclude", "discard", "ditch", "omit", "eliminate",
            "rid", "lose", "strip", "filter");
    static final Set<String> ROWS = Set.of("row", "rows", "record", "records", "entries", "entry", "observations",
            "observation", "lines", "samples");
    static final Set<String> MISSING = Set.of("missing", "null", "nulls", "na", "nan", "nans", "empty", "blank",
            "blanks", "incomplete", "gaps", "gap", "absent", "unknown");
    static final Set<String> DUPLICATES = Set.of("duplicate", "duplicates", "duplicated", "dedupe", "deduplicate",
            "dedup", "repeated", "doubles");
    static final Set<String> FILL = Set.of("fill", "impute", "imputation", "fillna", "replace", "complete", "patch", "plug");
    static final Set<String> TRAIN = Set.of("train", "fit", "predict", "predicts", "predicting", "prediction", "model", "classifier",
            "classify", "classification", "regressor", "regression", "forecast", "learn", "build", "forest",
            "boosting", "boosted", "logistic", "xgboost", "gbm", "regress", "estimate", "classifying", "forecasting");
    static final Set<String> ENCODE = Set.of("encode", "encoding", "one-hot", "onehot", "dummy", "dummies", "dummify",
            "label-encode", "categorical");
    static final Set<String> SCALE = Set.of("scale", "scaling", "rescale", "standardize", "standardise", "standardized",
            "normalize", "normalise", "normalized", "z-score", "zscore", "min-max", "minmax");
    static final Set<String> CLIP = Set.of("clip", "cap", "winsorize", "winsorise", "outlier", "outliers", "clamp", "trim");
    static final Set<String> CAST = Set.of("convert", "cast", "treat", "parse", "change", "make", "turn", "type", "store");
    static final Set<String> CREATE = Set.of("create", "add", "make", "compute", "derive", "calculate", "new", "extract",
            "engineer", "generate", "build");
    static final Set<String> RENAME = Set.of("rename", "renamed", "relabel");
    static final Set<String> CLEAN = Set.of("clean", "cleanup", "tidy", "sanitize", "sanitise", "fix", "prepare", "preprocess");
    /** Requests for things no action does: refused with a sentence, never guessed at. */
    static final Set<String> FORBIDDEN = Set.of("code", "python", "script", "shell", "bash", "command", "commands", "sql",
            "execute", "exec", "eval", "run", "curl", "wget", "sh", "sudo", "rm", "powershell", "cmd", "file", "files",
            "url", "http", "https", "download", "upload", "email", "send", "instructions", "prompt", "system", "query");

    static final Set<String> LOG = Set.of("log", "logarithm", "log1p", "logs", "log-transform", "log-transformed",
            "log-scale", "logarithmic");
    static final Set<String> BIN = Set.of("bin", "bins", "binned", "bucket", "buckets", "bucketize", "discretize", "discretise",
            "quartiles", "quintiles", "deciles", "tertiles");
    static final Set<String> LENGTH = Set.of("length", "lengths", "len", "characters", "long");

    static final Map<String, String> ARITHMETIC = Map.ofEntries(
            Map.entry("plus", "add"), Map.entry("add", "add"), Map.entry("sum", "add"), Map.entry("+", "add"),
            Map.entry("minus", "subtract"), Map.entry("subtract", "subtract"), Map.entry("difference", "subtract"),
            Map.entry("times", "multiply"), Map.entry("multiply", "multiply"), Map.entry("multiplied", "multiply"),
            Map.entry("product", "multiply"), Map.entry("divided", "divide"), Map.entry("divide", "divide"),
            Map.entry("ratio", "divide"), Map.entry("per", "divide"), Map.entry("over", "divide"));

    static final Map<String, String> DATE_PARTS = Map.ofEntries(Map.entry("year", "year"), Map.entry("years", "year"),
            Map.entry("month", "month"), Map.entry("months", "month"), Map.entry("day", "day"), Map.entry("days", "day"),
            Map.entry("weekday", "weekday"), Map.entry("weekdays", "weekday"), Map.entry("dow", "weekday"),
            Map.entry("hour", "hour"), Map.entry("hours", "hour"));

    static final Map<String, String> CAST_TARGETS = Map.ofEntries(
            Map.entry("datetime", "datetime"), Map.entry("date", "datetime"), Map.entry("dates", "datetime"),
            Map.entry("timestamp", "datetime"), Map.entry("timestamps", "datetime"), Map.entry("time", "datetime"),
            Map.entry("int", "int"), Map.entry("integer", "int"), Map.entry("integers", "int"), Map.entry("whole", "int"),
            Map.entry("float", "float"), Map.entry("decimal", "float"), Map.entry("double", "float"),
            Map.entry("number", "float"), Map.entry("numbers", "float"), Map.entry("numeric", "float"),
            Map.entry("string", "string"), Map.entry("strings", "string"), Map.entry("text", "string"),
            Map.entry("str", "string"), Map.entry("category", "string"), Map.entry("categorical", "string"),
            Map.entry("categories", "string"), Map.entry("label", "string"), Map.entry("labels", "string"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"), Map.entry("flag", "boolean"));

    /** Multi-word model names first, so "linear regression" is not read as the task "regression". */
    static final List<Map.Entry<String, String>> MODELS = List.of(
            Map.entry("random forest", "random_forest"), Map.entry("random forests", "random_forest"),
            Map.entry("forest", "random_forest"), Map.entry("gradient boosting", "gradient_boosting"),
            Map.entry("gradient boosted", "gradient_boosting"), Map.entry("boosted trees", "gradient_boosting"),
            Map.entry("boosting", "gradient_boosting"), Map.entry("boosted tree", "gradient_boosting"),
            Map.entry("boosted model", "gradient_boosting"), Map.entry("boosted", "gradient_boosting"), Map.entry("xgboost", "gradient_boosting"),
            Map.entry("gbm", "gradient_boosting"), Map.entry("logistic regression", "logistic_regression"),
            Map.entry("logistic", "logistic_regression"), Map.entry("linear regression", "linear_regression"),
            Map.entry("linear model", "linear_regression"), Map.entry("ridge", "linear_regression"),
            Map.entry("ols", "linear_regression"), Map.entry("decision tree", "decision_tree"),
            Map.entry("tree", "decision_tree"), Map.entry("best model", "auto"), Map.entry("automl", "auto"),
            Map.entry("compare models", "auto"), Map.entry("auto", "auto"));

    /** Words that say how, never which column: "the mean" is a strategy, not "mean radius". */
    static final Set<String> HOW = Set.of("mean", "median", "mode", "average", "avg", "zero", "zeros", "frequent",
            "common", "most", "model", "tree", "forest", "linear", "logistic", "random", "gradient", "boosting", "error",
            "standard", "minmax", "label", "dummy", "dummies", "outliers", "outlier", "missing", "log", "bins", "bin",
            "first", "last", "step", "steps", "rate");

    /**
     * Words that carry no column: fillers, pronouns, verbs of asking. A request whose remaining words are not in
     * these sets names something that is not a column, and the planner says so instead of acting on every column.
     */
    static final Set<String> FILLER = Set.of("please", "could", "can", "would", "you", "me", "my", "i", "we", "us",
            "want", "like", "need", "let", "lets", "let's", "just", "now", "so", "also", "too", "then", "first",
            "after", "that", "this", "these", "those", "it", "them", "they", "its", "their", "which", "what", "where",
            "when", "whose", "who", "there", "here", "have", "has", "had", "do", "does", "did", "get", "got", "give",
            "go", "some", "any", "few", "many", "much", "more", "less", "other", "others", "one", "ones", "two",
            "three", "four", "five", "both", "each", "every", "all", "everything", "only", "same", "way", "up", "out",
            "off", "away", "at", "about", "over", "under", "between", "than", "very", "really", "dataset", "table",
            "file", "set", "using", "use", "used", "instead", "again", "back", "new", "column", "columns", "variable",
            "variables", "feature", "features", "field", "fields", "value", "values", "entries", "cells", "cell",
            "was", "were", "is", "are", "be", "been", "being", "will", "shall", "should", "must", "might", "may",
            "well", "sure", "ok", "okay", "thanks", "thank", "based", "given", "from", "without", "except", "but",
            "not", "no", "none", "nothing", "how", "why", "tells", "tell", "whether", "show", "see",
            "into", "onto", "against", "across", "per", "via", "vs", "versus", "together", "separately", "called",
            "named", "result", "results", "method", "strategy", "approach", "data", "type", "types", "kind", "good",
            "best", "better", "quick", "simple", "proper", "properly", "right", "drives", "drive", "something");

    static final Set<String> CLASSIFICATION = Set.of("classifier", "classifiers", "classify", "classification",
            "categorize", "whether", "class");
    static final Set<String> REGRESSION = Set.of("regressor", "regression", "regress", "continuous", "amount", "estimate");
    /** Words after which the target column is named: "on X", "predict X", "target X". */
    static final Set<String> TARGET_CUES = Set.of("on", "for", "predict", "predicting", "predicts", "target", "targeting",
            "of", "classify", "forecast", "estimate", "explain");

    /** Other words of asking for an action that name no column. */
    private static final Set<String> VERBS = Set.of("transform", "transformed", "take", "put", "turn", "keep", "apply",
            "standardise", "standardize", "normalise", "normalize", "winsorize", "winsorise", "one", "hot", "encoded",
            "scaled", "clipped", "capped", "filled", "dropped", "removed", "deleted", "fix", "handle", "deal",
            "rid", "leave", "leaving", "left", "make", "made", "run", "do", "go", "regressor", "between", "range",
            "min", "max", "z-score", "bins", "quantile", "percentile", "percentiles", "quantiles", "outlier", "outliers",
            "classes", "category", "categories", "numeric", "numerical", "text", "date", "dates", "skewed", "constant",
            "empty", "mostly", "sparse", "id-like", "rows", "row", "duplicate", "duplicates", "tells", "fitting");

    /** Whether a word belongs to any intent, model, task or how-word of this vocabulary. */
    static boolean known(String word) {
        return VERBS.contains(word) || HOW.contains(word) || REMOVE.contains(word) || ROWS.contains(word)
                || MISSING.contains(word) || DUPLICATES.contains(word) || FILL.contains(word) || TRAIN.contains(word)
                || ENCODE.contains(word) || SCALE.contains(word) || CLIP.contains(word) || CAST.contains(word)
                || CREATE.contains(word) || RENAME.contains(word) || CLEAN.contains(word) || LOG.contains(word)
                || BIN.contains(word) || LENGTH.contains(word) || ARITHMETIC.containsKey(word)
                || DATE_PARTS.containsKey(word) || CAST_TARGETS.containsKey(word) || CLASSIFICATION.contains(word)
                || REGRESSION.contains(word) || TARGET_CUES.contains(word)
                || MODELS.stream().anyMatch(m -> java.util.Arrays.asList(m.getKey().split(" ")).contains(word));
    }
}
