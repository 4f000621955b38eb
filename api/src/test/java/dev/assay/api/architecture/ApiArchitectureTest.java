package dev.assay.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.assay.model.architecture.PackageSlices;
import org.junit.jupiter.api.Test;

/** The api: no package cycles, and of the runner it uses the engine, its contract, sources, storage and tasks only. */
class ApiArchitectureTest {

    private static final String ROOT = "dev.assay.api";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(PackageSlices.of(ROOT)).should().beFreeOfCycles().check(MAIN);
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
