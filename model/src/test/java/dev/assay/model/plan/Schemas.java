package dev.assay.model.plan;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import java.util.List;

/** Schemas of real datasets as their profiles describe them (Titanic: 891 rows, Kaggle training set). */
final class Schemas {

    private Schemas() {}

    static DatasetSchema titanic() {
        return new DatasetSchema(List.of(
                new ColumnInfo("PassengerId", ColumnType.INTEGER, VariableKind.IDENTIFIER, 0, 891, List.of()),
                new ColumnInfo("Survived", ColumnType.INTEGER, VariableKind.BOOLEAN, 0, 2, List.of()),
                new ColumnInfo("Pclass", ColumnType.INTEGER, VariableKind.NUMERIC, 0, 3, List.of()),
                new ColumnInfo("Name", ColumnType.STRING, VariableKind.TEXT, 0, 891, List.of()),
                new ColumnInfo("Sex", ColumnType.STRING, VariableKind.CATEGORICAL, 0, 2, List.of("male", "female")),
                new ColumnInfo("Age", ColumnType.DECIMAL, VariableKind.NUMERIC, 177, 88, List.of()),
                new ColumnInfo("SibSp", ColumnType.INTEGER, VariableKind.NUMERIC, 0, 7, List.of()),
                new ColumnInfo("Parch", ColumnType.INTEGER, VariableKind.NUMERIC, 0, 7, List.of()),
                new ColumnInfo("Ticket", ColumnType.STRING, VariableKind.CATEGORICAL, 0, 681, List.of()),
                new ColumnInfo("Fare", ColumnType.DECIMAL, VariableKind.NUMERIC, 0, 248, List.of()),
                new ColumnInfo("Cabin", ColumnType.STRING, VariableKind.CATEGORICAL, 687, 147, List.of()),
                new ColumnInfo("Embarked", ColumnType.STRING, VariableKind.CATEGORICAL, 2, 3, List.of("S", "C", "Q"))));
    }
}
