package dev.assay.model.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * How every module's architecture test cuts its classes into slices for the no-cycles rule, declared once: each
 * package, however deep, is a slice of its own (so a cycle between {@code plan} and {@code plan.params} counts, which
 * ArchUnit's {@code matching("root.(*)..")} would fold into one slice), and classes directly in the root package form
 * "(root)". The other modules reach it through the model's test-jar.
 */
public final class PackageSlices {

    private PackageSlices() {}

    /** The packages under {@code root}; classes outside it are left out of every slice. */
    public static SliceAssignment of(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(root)) {
                    return SliceIdentifier.of("(root)");
                }
                return name.startsWith(root + ".")
                        ? SliceIdentifier.of(name.substring(root.length() + 1))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + root;
            }
        };
    }
}
