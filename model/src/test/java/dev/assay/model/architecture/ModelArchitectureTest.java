package dev.assay.model.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model module: no package cycles; the model depends on no other Assay module. */
class ModelArchitectureTest {

    private static final String ROOT = "dev.assay.model";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(PackageSlices.of(ROOT)).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theModelDependsOnNoOtherModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.assay.runner..", "dev.assay.api..", "dev.assay.operator..")
                .check(MAIN);
    }
}
