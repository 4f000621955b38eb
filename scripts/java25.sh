# Sourced by the scripts here: puts a JDK 25 first on PATH (JAVA_HOME when it is a 25, else Temurin 25) and
# gives Maven the flag that keeps JDK 25 quiet about sun.misc.Unsafe in its own dependencies.
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
case "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 1p)" in
  *'"25'*) ;;
  *) export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ;;
esac
export PATH="$JAVA_HOME/bin:$PATH"
case "${MAVEN_OPTS:-}" in
  *sun-misc-unsafe-memory-access*) ;;
  *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
esac
