package dev.assay.operator.validation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks on names and keys that the CRD schema also states, repeated here because Kubernetes 1.20 ignores CEL
 * rules and an older CRD may still be installed: the operator never starts a Job from a spec it has not checked.
 */
public final class Names {

    /** Ids double as artifact key segments and Job names: the runner's ArtifactKeys accepts exactly these. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,511}");

    private Names() {}

    public static void checkId(String field, String value, List<String> problems) {
        if (value == null || !ID.matcher(value).matches()) {
            problems.add(field + ": '" + value + "' must be lowercase letters, digits and '-', at most 63, starting "
                    + "with a letter or digit (it names the dataset's folder in the artifact store)");
        }
    }

    /** An artifact key: relative, no '..' segment, so it can never point outside the store's bucket or folder. */
    public static void checkSourceKey(String field, String value, List<String> problems) {
        if (value == null
                || !KEY.matcher(value).matches()
                || List.of(value.split("/")).contains("..")
                || value.contains("//")) {
            problems.add(field + ": '" + value + "' is not an artifact key (letters, digits, '._-/', no '..', "
                    + "e.g. samples/titanic.csv)");
        }
    }
}
