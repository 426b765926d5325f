#!/usr/bin/env bash
# Prepares the GPU kit on this machine (no GPU needed): everything bench/gpu/run.sh needs on the GPU
# machine that the machine itself lacks. Output: .gpu-kit/ at the repository root (git-ignored), to be
# named in the device tool's `carry`. See docs/qwen3.md, "Running on a GPU".
#
#   bench/gpu/build-kit.sh [--out DIR] [--reuse-build]
#
#   --reuse-build  use backends/target as the last Maven build left it (the test does this) instead of
#                  running Maven first.
# Environment:
#   DJL_GIT_DIR    a git directory of deepjavalibrary/djl holding tag v0.36.0 (default: the fetched
#                  mirror /work/.mirror/deepjavalibrary+djl/repo when present). Without one the kit is
#                  built without the JNI sources and header, says so, and run.sh then measures PyTorch only.
#   DJL_REF        the DJL tag or commit to take the JNI sources from (default v0.36.0).
#   KIT_MAVEN_ARGS extra Maven arguments (for example -o).
#   KIT_BUDGET_MIB the most the kit plus the travelling working tree may take (default 48, of the
#                  device tool's 64 MiB).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/.gpu-kit"
reuse_build=false
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --reuse-build) reuse_build=true; shift ;;
    *) echo "build-kit: unknown argument '$1' (expected --out DIR or --reuse-build)" >&2; exit 2 ;;
  esac
done
djl_ref="${DJL_REF:-v0.36.0}"
budget_mib="${KIT_BUDGET_MIB:-48}"
started=$(date +%s)
step() { echo "build-kit: [$(( $(date +%s) - started ))s] $*"; }

for tool in java javac jlink jdeps jar; do
  command -v "$tool" >/dev/null || { echo "build-kit: '$tool' not found (needs a JDK 17)" >&2; exit 2; }
done

cd "$root"
if ! $reuse_build; then
  step "compiling backends (main and bench classes) with Maven"
  # shellcheck disable=SC2086
  mvn -B -q ${KIT_MAVEN_ARGS:-} -DskipTests -pl backends -am test-compile
fi
classpath_file="$root/backends/target/gpu-kit.classpath"
for needed in "$root/backends/target/classes" "$root/backends/target/test-classes/dev/embedbench/backends/qwen3/GpuBench.class" "$classpath_file"; do
  [ -e "$needed" ] || { echo "build-kit: $needed is missing: run without --reuse-build" >&2; exit 2; }
done

rm -rf "$out"
mkdir -p "$out/lib" "$out/local"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Jars: only what the DJL model path loads. Left out on purpose: pytorch-native-cpu (CPU libtorch, which
# would shadow the GPU's), pytorch-jni (built there against the machine's libtorch instead), the
# tokenizers (the bench feeds token ids), Vert.x, Netty and YAML (the serving stack).
step "selecting jars"
kit_jars='^(api-0\.36\.0|pytorch-engine-0\.36\.0|gson-.*|jna-[0-9].*|slf4j-api-.*|slf4j-simple-.*|jackson-core-.*|jackson-databind-.*|jackson-annotations-.*)\.jar$'
tr ':' '\n' < "$classpath_file" | while read -r jar; do
  name="$(basename "$jar")"
  if [[ "$name" =~ $kit_jars ]]; then
    cp "$jar" "$out/lib/"
  elif [[ "$name" =~ ^(pytorch-native-cpu-.*|pytorch-jni-.*)\.jar$ ]]; then
    # Paths on this machine only, for run.sh --until-gpu (CPU libtorch); nothing of them travels.
    echo "$jar" >> "$out/local/cpu-natives.paths"
  fi
done
[ "$(ls "$out/lib" | wc -l)" -eq 9 ] || { echo "build-kit: expected 9 jars, found: $(ls "$out/lib")" >&2; exit 1; }

# JNA carries its dispatch library for every platform; the GPU machine is linux-x86-64.
jna="$(ls "$out/lib"/jna-*.jar)"
mkdir "$work/jna"
(cd "$work/jna" && jar xf "$jna" && find com/sun/jna -mindepth 1 -maxdepth 1 -type d \
  ! -name linux-x86-64 ! -name ptr ! -name internal ! -name win32 -exec rm -rf {} + && rm -f "$jna" \
  && jar --create --file "$jna" --manifest META-INF/MANIFEST.MF -C . .)

step "packing the embedbench classes (backends main + the GPU bench)"
mkdir -p "$work/classes"
cp -r "$root/backends/target/classes/." "$work/classes/"
bench_dir="dev/embedbench/backends/qwen3"
mkdir -p "$work/classes/$bench_dir"
for class in GpuBench GpuBenchShape GpuCorrectness GpuTimingServer VectorAgreement ReferenceQwen3 TinyCheckpoints; do
  cp "$root/backends/target/test-classes/$bench_dir/$class"*.class "$work/classes/$bench_dir/"
done
jar --create --file "$out/lib/embedbench-gpu-bench.jar" -C "$work/classes" .

step "linking a trimmed Java runtime"
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
[ -f "$java_home/jmods/java.base.jmod" ] \
  || { echo "build-kit: $java_home/jmods holds no java.base.jmod (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 2; }
# Named, not derived: jdeps also lists what the model path never loads (java.desktop for DJL's image
# classes and JNA's AWT helpers, java.compiler, java.sql), which would more than double the runtime.
# java.logging: JNA logs through it. jdk.unsupported: JNA and Gson reach sun.misc.Unsafe. The
# management modules: the backend's memory check. run.sh --until-gpu proves the list on a CPU.
modules="java.base,java.logging,java.management,jdk.management,jdk.unsupported"
# Headers stay (include/jni.h, include/linux/jni_md.h): CMake's FindJNI needs them to build the JNI.
jlink --module-path "$java_home/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
  --compress=2 --output "$out/jre"
if command -v strip >/dev/null; then
  # Symbol tables only (dynamic symbols stay): libjvm.so shrinks from about 23 to 20 MB.
  find "$out/jre/lib" -name '*.so' -exec strip --strip-unneeded {} +
fi
"$out/jre/bin/java" -version 2>&1 | head -1 | sed 's/^/build-kit: kit java: /'

djl_git="${DJL_GIT_DIR:-}"
if [ -z "$djl_git" ] && [ -d /work/.mirror/deepjavalibrary+djl/repo ]; then
  djl_git=/work/.mirror/deepjavalibrary+djl/repo
fi
jni_status="missing"
if [ -n "$djl_git" ] && git --git-dir="$djl_git" rev-parse --verify -q "$djl_ref^{commit}" >/dev/null 2>&1; then
  djl_commit="$(git --git-dir="$djl_git" rev-parse "$djl_ref^{commit}")"
  step "DJL JNI sources from $djl_git at $djl_ref ($djl_commit)"
  native=engines/pytorch/pytorch-native
  mkdir -p "$out/djl"
  git --git-dir="$djl_git" archive "$djl_commit" LICENSE "$native/CMakeLists.txt" "$native/build.sh" \
    "$native/src/main/native" api/src/main/native | tar -x -C "$out/djl"
  # The JNI header, as DJL's build.sh makes it: javac -h on PyTorchLibrary.java.
  git --git-dir="$djl_git" archive "$djl_commit" engines/pytorch/pytorch-engine/src/main/java | tar -x -C "$work"
  javac -proc:none -implicit:none -cp "$out/lib/*" \
    -sourcepath "$work/engines/pytorch/pytorch-engine/src/main/java" \
    -h "$out/djl/$native/build/include" -d "$work/header-classes" \
    "$work/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
  [ -s "$out/djl/$native/build/include/ai_djl_pytorch_jni_PyTorchLibrary.h" ] \
    || { echo "build-kit: javac -h wrote no header" >&2; exit 1; }
  jni_status="present: $djl_ref ($djl_commit)"
else
  echo "build-kit: SKIPPED the DJL JNI sources and header: no DJL git directory with $djl_ref" \
    "(set DJL_GIT_DIR; the device tool's fetch of github:deepjavalibrary/djl gives one). The kit still" \
    "runs: run.sh will report the JNI step as failed and measure the PyTorch side only." >&2
fi

kit_bytes=$(du -sb "$out" | cut -f1)
# What else travels: tracked files and untracked ones git does not ignore.
tree_bytes=$(git ls-files -z -co --exclude-standard | xargs -0 stat -c %s 2>/dev/null | awk '{s+=$1} END {print s+0}')
total_bytes=$((kit_bytes + tree_bytes))
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
{
  echo "embedbench GPU kit (bench/gpu/build-kit.sh; docs/qwen3.md)"
  echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) from commit $(git rev-parse HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "java: $("$out/jre/bin/java" -version 2>&1 | head -1); modules: $modules"
  echo "jars: $(cd "$out/lib" && ls | tr '\n' ' ')"
  echo "djl-jni-sources: $jni_status"
  echo "kit-mib: $(mib "$kit_bytes")"
  echo "working-tree-mib: $(mib "$tree_bytes")"
  echo "travel-total-mib: $(mib "$total_bytes") (budget $budget_mib of the device tool's 64)"
  echo "build-seconds: $(( $(date +%s) - started ))"
} > "$out/MANIFEST.txt"
sed 's/^/build-kit: /' "$out/MANIFEST.txt"
if [ "$total_bytes" -gt $((budget_mib * 1048576)) ]; then
  echo "build-kit: OVER BUDGET: kit plus working tree $(mib "$total_bytes") MiB > $budget_mib MiB" >&2
  exit 1
fi
