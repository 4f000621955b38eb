package dev.assay.runner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.assay.model.architecture.PackageSlices;
import org.junit.jupiter.api.Test;

/**
 * The runner's package layering (CONTRIBUTING.md): {@code core} and {@code table} at the bottom, then
 * {@code source}, {@code ingest}, {@code training}, {@code actions}, {@code apply}, {@code report}, {@code profile},
 * the {@code engine} facade, and {@code storage}, {@code task}, {@code pod} and {@code cli} at the edge.
 */
class RunnerArchitectureTest {

    private static final String ROOT = "dev.assay.runner";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(PackageSlices.of(ROOT)).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void coreAndTableDependOnNoOtherRunnerPackage() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".core..", ROOT + ".table..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".actions..",
                        ROOT + ".apply..",
                        ROOT + ".cli..",
                        ROOT + ".engine..",
                        ROOT + ".ingest..",
                        ROOT + ".pod..",
                        ROOT + ".profile..",
                        ROOT + ".report..",
                        ROOT + ".source..",
                        ROOT + ".storage..",
                        ROOT + ".task..",
                        ROOT + ".training..")
                .check(MAIN);
    }

    @Test
    void commandLineAndPodEntryPointsAreAtTheEdge() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".pod..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".cli..", ROOT + ".pod..")
                .check(MAIN);
    }

    @Test
    void theReportIsRenderedFromAProfileAndNeverReadsBack() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".profile..", ROOT + ".engine..", ROOT + ".apply..", ROOT + ".ingest..")
                .check(MAIN);
    }
}
