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
    static final Set<String> TRAIN = Set.of("train", "fit", "predict", "predicting", "prediction", "model", "classifier",
            "classify", "classification", "regressor", "regression", "forecast", "learn", "build", "forest",
            "boosting", "boosted", "logistic", "xgboost", "gbm");
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

    static final Set<String> LOG = Set.of("log", "logarithm", "log1p", "logs");
    static final Set<String> BIN = Set.of("bin", "bins", "binned", "bucket", "buckets", "bucketize", "discretize", "discretise");
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
            Map.entry("boosting", "gradient_boosting"), Map.entry("xgboost", "gradient_boosting"),
            Map.entry("gbm", "gradient_boosting"), Map.entry("logistic regression", "logistic_regression"),
            Map.entry("logistic", "logistic_regression"), Map.entry("linear regression", "linear_regression"),
            Map.entry("linear model", "linear_regression"), Map.entry("ridge", "linear_regression"),
            Map.entry("ols", "linear_regression"), Map.entry("decision tree", "decision_tree"),
            Map.entry("tree", "decision_tree"), Map.entry("best model", "auto"), Map.entry("automl", "auto"),
            Map.entry("compare models", "auto"), Map.entry("auto", "auto"));

    static final Set<String> CLASSIFICATION = Set.of("classifier", "classifiers", "classify", "classification",
            "categorize", "whether", "class");
    static final Set<String> REGRESSION = Set.of("regressor", "regression", "regress", "continuous", "amount", "estimate");
    /** Words after which the target column is named: "on X", "predict X", "target X". */
    static final Set<String> TARGET_CUES = Set.of("on", "for", "predict", "predicting", "predicts", "target", "targeting",
            "of", "classify", "forecast", "estimate", "explain");
}
