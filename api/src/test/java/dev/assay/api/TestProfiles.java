package dev.assay.api;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.IngestReport;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.TableStats;
import dev.assay.model.profile.VariableProfile;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles shaped like the engine's, for tests that exercise the api without running the engine: the
 * columns, kinds and categories validation needs; statistics the api never reads are left out.
 */
public final class TestProfiles {

    private TestProfiles() {}

    /** Titanic's twelve columns with the kinds and missing counts the engine reports. */
    public static Profile titanic() {
        Map<String, VariableProfile> variables = new LinkedHashMap<>();
        add(variables, "PassengerId", VariableKind.IDENTIFIER, ColumnType.INTEGER, 0, 891, List.of());
        add(variables, "Survived", VariableKind.BOOLEAN, ColumnType.INTEGER, 0, 2, List.of("0", "1"));
        add(variables, "Pclass", VariableKind.CATEGORICAL, ColumnType.INTEGER, 0, 3, List.of("1", "2", "3"));
        add(variables, "Name", VariableKind.TEXT, ColumnType.STRING, 0, 891, List.of());
        add(variables, "Sex", VariableKind.CATEGORICAL, ColumnType.STRING, 0, 2, List.of("male", "female"));
        add(variables, "Age", VariableKind.NUMERIC, ColumnType.DECIMAL, 177, 88, List.of());
        add(variables, "SibSp", VariableKind.NUMERIC, ColumnType.INTEGER, 0, 7, List.of());
        add(variables, "Parch", VariableKind.NUMERIC, ColumnType.INTEGER, 0, 7, List.of());
        add(variables, "Ticket", VariableKind.TEXT, ColumnType.STRING, 0, 681, List.of());
        add(variables, "Fare", VariableKind.NUMERIC, ColumnType.DECIMAL, 0, 248, List.of());
        add(variables, "Cabin", VariableKind.TEXT, ColumnType.STRING, 687, 147, List.of());
        add(variables, "Embarked", VariableKind.CATEGORICAL, ColumnType.STRING, 2, 3, List.of("S", "C", "Q"));
        Map<VariableKind, Integer> types = new EnumMap<>(VariableKind.class);
        variables.values().forEach(v -> types.merge(v.type(), 1, Integer::sum));
        return new Profile(
                Profile.SCHEMA_VERSION,
                "titanic.csv",
                new TableStats(891, 12, 866, 866.0 / (891 * 12), 0, 320_000, types),
                variables,
                null,
                null,
                List.of(),
                null,
                new IngestReport("titanic.csv", 61_194, ",", false, 891, 0, List.of(), 30));
    }

    private static void add(
            Map<String, VariableProfile> variables,
            String name,
            VariableKind kind,
            ColumnType storage,
            long missing,
            long distinct,
            List<String> categories) {
        variables.put(
                name,
                new VariableProfile(
                        name,
                        kind,
                        storage,
                        891 - missing,
                        missing,
                        missing / 891.0,
                        distinct,
                        distinct / (double) (891 - missing),
                        List.of(),
                        categories,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }
}
