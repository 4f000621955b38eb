package dev.assay.runner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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
