package dev.assay.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.assay.model.architecture.PackageSlices;
import org.junit.jupiter.api.Test;

/** The operator: no package cycles, and of the other modules it uses the model only (it runs the runner as an image). */
class OperatorArchitectureTest {

    private static final String ROOT = "dev.assay.operator";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(PackageSlices.of(ROOT)).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void usesTheModelOnlyOfTheOtherModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.assay.runner..", "dev.assay.api..")
                .check(MAIN);
    }
}
