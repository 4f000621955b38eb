#!/usr/bin/env bash
# The runner CLI with its ahead-of-time cache: `scripts/runner.sh profile --input FILE --out DIR`, the same
# arguments as `java -jar runner-image/target/assay-runner.jar`. Uses runner-image/target/assay-runner.aot (written
# by `mvn -B package -Paot -pl model,runner-image -DskipTests`) only when it was trained on this very jar: JDK 25.0.3
# does not notice a rebuilt jar (JDK-8377932, fixed in 25.0.4) and would run the cached classes of the old one.
# Without a matching cache it starts the jar as usual. env: JAVA_HOME (the JDK of the build), ASSAY_RUNNER_JAR.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${ASSAY_RUNNER_JAR:-$here/runner-image/target/assay-runner.jar}
cache=${jar%.jar}.aot
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
flags=(--sun-misc-unsafe-memory-access=allow)
# The jar's size and modification time, as the JVM itself compares them from 25.0.4 on (a hash would cost more
# than the cache saves).
if [ -f "$cache" ] && [ -f "$cache.stamp" ] && [ "$(cat "$cache.stamp")" = "$(stat -c '%s %Y' "$jar")" ]; then
  flags+=(-XX:AOTCache="$cache")
fi
exec "$java" "${flags[@]}" -jar "$jar" "$@"
