package dev.assay.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The api: no package cycles, and of the runner it uses the engine, its contract, sources, storage and tasks only. */
class ApiArchitectureTest {

    private static final String ROOT = "dev.assay.api";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package, however deep, is a slice of its own; classes directly in the root package form "(root)". */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            return name.startsWith(ROOT + ".")
                    ? SliceIdentifier.of(name.substring(ROOT.length() + 1))
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT;
        }
    };

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void usesOnlyTheRunnersEngineContractSourcesStorageAndTasks() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.assay.runner.actions..",
                        "dev.assay.runner.apply..",
                        "dev.assay.runner.cli..",
                        "dev.assay.runner.ingest..",
                        "dev.assay.runner.pod..",
                        "dev.assay.runner.profile..",
                        "dev.assay.runner.report..",
                        "dev.assay.runner.table..",
                        "dev.assay.runner.training..",
                        "dev.assay.operator..")
                .check(MAIN);
    }
}
