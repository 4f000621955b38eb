#!/usr/bin/env bash
# Builds the base image the Assay images are put on when no registry can be reached: a jlink runtime
# of the local Temurin 25 JDK, the few glibc libraries it loads, and a non-root user 65532, written as
# a docker-save tar that `jib:buildTar` takes as `tar://…` (and `podman load` / `kind load
# image-archive` take as is). With a registry, use a Temurin JRE image instead (-Dassay.base.image=
# eclipse-temurin:25-jre, the default of the Maven build); both put Java at /opt/java/openjdk.
#
# usage: scripts/make-base-image.sh [OUT.tar]
#   prints the path of the tar on its last line; returns at once when the tar is already built
#   from the same JDK, glibc and this script.
# env:   ASSAY_JDK   JDK to jlink (default $JAVA_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64)
#        ASSAY_CACHE where regenerable outputs go (default ${XDG_CACHE_HOME:-~/.cache}/assay)
set -euo pipefail

jdk=${ASSAY_JDK:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
cache=${ASSAY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/assay}
out=${1:-$cache/base-image/assay-base-jre25.tar}
ref=localhost/assay-base:jre25

# Modules, and why each one is there (jdeps cannot see reflection, ServiceLoader or JNI, so this list
# is decided, not computed):
#   java.se            the SE API: Spring needs java.desktop (java.beans), java.sql, java.naming, java.management,
#                      java.instrument; the JDK HTTP client (fabric8, google-genai) is java.net.http
#   jdk.unsupported    sun.misc.Unsafe for Netty, Guava, Tablesaw's fastutil-era code, Kryo-style serialisers
#   jdk.crypto.ec      elliptic-curve TLS suites and EC keys in kubeconfigs (a stub that requires java.base in
#                      JDK 25, kept so the list also works on older JDKs)
#   jdk.crypto.cryptoki PKCS#11, which some FIPS-configured JSSE setups ask for; small
#   java.smartcardio   SunPCSC, a provider the runtime's own conf/security/java.security names (security.provider.9).
#                      Without its module the JDK looks for that name among the class path's providers, and so
#                      instantiates every one it finds there: the api's BouncyCastle (bcprov, a signed jar whose
#                      classes the AOT cache cannot hold) then loads 634 classes and checks the jar's signatures at
#                      each start, about a second of CPU, for a provider it then throws away (docs/cold-start.md)
#   jdk.management, jdk.management.jfr  container-aware OperatingSystemMXBean for actuator/micrometer metrics
#   jdk.jfr            JDK Flight Recorder, for `jcmd JFR.start` when a run is slow in production
#   jdk.jcmd, jdk.attach  `jcmd <pid> Thread.print|GC.heap_info` inside a pod
#   jdk.httpserver     com.sun.net.httpserver: the operator's small health endpoint
#   jdk.zipfs          zip file system (Spring Boot and the model artifacts read zips)
#   jdk.naming.dns     JNDI DNS lookups (some clients resolve SRV records through it)
#   jdk.net            extended socket options (TCP keep-alive tuning used by HTTP clients, Jedis)
#   jdk.charsets       the non-Unicode charsets a CSV may arrive in (Shift_JIS, GB18030, Big5, …)
#   jdk.localedata     locale data beyond en: number and date parsing in the user's locale
#   jdk.security.auth, jdk.security.jgss  Kerberos/JAAS login modules some S3 and Redis setups use
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,java.smartcardio,jdk.management,jdk.management.jfr,jdk.jfr,jdk.jcmd,jdk.attach,jdk.httpserver,jdk.zipfs,jdk.naming.dns,jdk.net,jdk.charsets,jdk.localedata,jdk.security.auth,jdk.security.jgss

# Native libraries of java.desktop that only a display or a sound card would load; the JVM runs headless in a
# container, so their X11/ALSA dependencies are left out of the image on purpose.
desktop_only='libawt_xawt.so|libjawt.so|libsplashscreen.so|libjsound.so'

[ -x "$jdk/bin/jlink" ] || { echo "no jlink in $jdk (set ASSAY_JDK to a JDK 25)" >&2; exit 1; }
grep -q '^JAVA_VERSION="25' "$jdk/release" || { echo "$jdk is not a JDK 25" >&2; exit 1; }

libc_version=$(dpkg-query -W -f='${Version}' libc6 2>/dev/null || ldd --version | sed -n 1p)
fingerprint=$( { cat "$0"; cat "$jdk/release"; echo "$libc_version"; } | sha256sum | cut -d' ' -f1)
if [ -f "$out" ] && [ "$(cat "$out.fingerprint" 2>/dev/null)" = "$fingerprint" ]; then
  echo "base image up to date: $out" >&2
  echo "$out"
  exit 0
fi

mkdir -p "$(dirname "$out")"
work=$(mktemp -d "$(dirname "$out")/.build.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root"

echo "jlink $modules" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$root/opt/java/openjdk"

# Every shared library the runtime links against, resolved on this machine, copied at the same path
# (including the ELF interpreter /lib64/ld-linux-x86-64.so.2). The JDK's own libraries find each other
# through $ORIGIN and are reported "not found" by ldd when they only expect libjvm to be loaded already.
mapfile -t libs < <(
  find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) | grep -Ev "/($desktop_only)\$" |
    xargs ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u)
# glibc loads libgcc_s at run time to unwind stacks (pthread_exit, backtraces in hs_err files).
# Without it a thread's exit aborts the JVM, so an image without it is not built.
libgcc=$( { ldconfig -p 2>/dev/null || /sbin/ldconfig -p; } | awk '/libgcc_s.so.1 .*x86-64/ && !found {print $NF; found = 1}')
[ -n "$libgcc" ] || { echo "no x86-64 libgcc_s.so.1 in ldconfig's cache: install libgcc-s1" >&2; exit 1; }
libs+=("$libgcc")
for lib in "${libs[@]}"; do
  case "$lib" in "$root"/*) continue ;; esac
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# The C.UTF-8 locale, so LANG=C.UTF-8 gives the JVM UTF-8 file names (sun.jnu.encoding) as well as contents.
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$root/usr/lib/locale" && cp -r /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
fi

mkdir -p "$root/etc" "$root/tmp" "$root/home/nonroot"
chmod 1777 "$root/tmp"
chmod 0755 "$root/home/nonroot"
cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat > "$root/etc/group" <<'EOF'
root:x:0:
nobody:x:65534:
nonroot:x:65532:
EOF
cat > "$root/etc/nsswitch.conf" <<'EOF'
passwd: files
group:  files
hosts:  files dns
EOF
java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")
cat > "$root/etc/os-release" <<EOF
NAME="Assay base"
ID=assay-base
PRETTY_NAME="Assay base: jlink of Temurin $java_version, glibc $libc_version"
EOF

# One layer, reproducible: sorted names, fixed times, numeric owners. Everything belongs to root except the
# home of 65532, appended afterwards with its own owner, so no step here needs root.
layer=$work/layer.tar
tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 --exclude=./home/nonroot \
  -C "$root" -cf "$layer" .
tar --mtime=@0 --numeric-owner --owner=65532 --group=65532 --no-recursion \
  -C "$root" -rf "$layer" ./home/nonroot
layer_sha=$(sha256sum "$layer" | cut -d' ' -f1)

image=$work/image
mkdir -p "$image/$layer_sha"
mv "$layer" "$image/$layer_sha/layer.tar"
config=$(cat <<EOF
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"65532:65532",
  "Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$java_version","LANG=C.UTF-8","HOME=/home/nonroot"],
  "Cmd":["java","-version"],"WorkingDir":"/",
  "Labels":{"org.opencontainers.image.title":"assay-base","org.opencontainers.image.description":"jlink runtime of Temurin $java_version with glibc, user 65532"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"scripts/make-base-image.sh: jlink $modules"}]}
EOF
)
config=$(printf '%s' "$config" | tr -d '\n')
config_sha=$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)
printf '%s' "$config" > "$image/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]' "$config_sha" "$ref" "$layer_sha" \
  > "$image/manifest.json"
tar --mtime=@0 --numeric-owner --owner=0 --group=0 -C "$image" -cf "$work/out.tar" \
  manifest.json "$config_sha.json" "$layer_sha"
mv "$work/out.tar" "$out"
echo "$fingerprint" > "$out.fingerprint"
echo "base image $ref: $out ($(du -h "$out" | cut -f1))" >&2
echo "$out"
