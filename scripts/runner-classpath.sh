# Sourced by the engine's benchmark scripts: compiles model and runner-image (tests included) and sets
# RUNNER_CP to their classes plus the test-scope dependencies. Needs OUT (a folder for classpath.txt) and the
# repository root as the working directory.
mvn -B -q -pl runner-image -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
# The project's own classes come from this build, never from a jar some other build left in ~/.m2.
RUNNER_CP="$(pwd)/runner-image/target/test-classes:$(pwd)/runner-image/target/classes:$(pwd)/model/target/classes:$(
  tr ':' '\n' < "$OUT/classpath.txt" | grep -v '/dev/assay/' | paste -sd: -)"
