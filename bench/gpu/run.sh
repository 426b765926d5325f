#!/usr/bin/env bash
# The GPU run: one command on the GPU machine, from the repository root, with the kit that
# bench/gpu/build-kit.sh made here carried along (docs/qwen3.md, "Running on a GPU"):
#
#   bench/gpu/run.sh                 on the GPU machine: results in $OUT (gpu-bench.json, gpu-bench.md, logs)
#   bench/gpu/run.sh --until-gpu     here, without a GPU: every step that needs none, on CPU libtorch
#
# Steps: (1) start writing the synthetic checkpoints (0.6B and 8B shapes, the project's generator) in
# the background; (2) build DJL's JNI (libdjl_torch.so) with CMake against the libtorch inside the
# machine's PyTorch, or with g++ directly when CMake's configuration fails; (3) point DJL at that
# libtorch (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR, offline); (4) gpu_bench.py:
# correctness, then speed against PyTorch eager on the same card. When the JNI cannot be built or
# loaded, step 4 still measures the PyTorch side and the result says what failed and where.
#
# Options: --until-gpu; --kit DIR (default .gpu-kit); --out DIR (default $OUT, else runs/gpu-<UTC>);
# --budget-seconds N (default 360: the whole script, so a failed run can be repeated within the
# device tool's 15 minutes; what does not fit is skipped and marked); --shapes LIST (default 0.6b,8b)
# and --skip-correctness, for a second call that only completes what the first one cut short.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
kit="$root/.gpu-kit"
until_gpu=false
budget_seconds=360
out="${OUT:-}"
shapes_option=""
skip_correctness=""
while [ $# -gt 0 ]; do
  case "$1" in
    --until-gpu) until_gpu=true; shift ;;
    --kit) kit="$(cd "$2" && pwd)"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --budget-seconds) budget_seconds="$2"; shift 2 ;;
    --shapes) shapes_option="$2"; shift 2 ;;
    --skip-correctness) skip_correctness=--skip-correctness; shift ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
started=$(date +%s)
deadline=$((started + budget_seconds))
[ -n "$out" ] || out="$root/runs/gpu-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="${EMBEDBENCH_GPU_WORK:-${TMPDIR:-/tmp}/embedbench-gpu}"
mkdir -p "$work"
log="$out/run.log"
exec > >(tee -a "$log") 2>&1
step() { echo "run.sh: [$(( $(date +%s) - started ))s] $*"; }
status_file="$work/jni-status.json"
write_status() { # built(true|false) method detail
  python3 - "$status_file" "$1" "$2" "$3" <<'EOF'
import json, sys
path, built, method, detail = sys.argv[1:5]
json.dump({"built": built == "true", "method": method, "detail": detail}, open(path, "w"), indent=2)
EOF
}

extract() { # JAR PREFIX DIR: the jar's entries under PREFIX, flattened into DIR (python3: no unzip needed)
  python3 - "$@" <<'EOF'
import os, shutil, sys, zipfile
jar, prefix, target = sys.argv[1:4]
os.makedirs(target, exist_ok=True)
with zipfile.ZipFile(jar) as archive:
    for entry in archive.namelist():
        if entry.startswith(prefix) and not entry.endswith("/"):
            with archive.open(entry) as source, open(os.path.join(target, os.path.basename(entry)), "wb") as sink:
                shutil.copyfileobj(source, sink)
EOF
}

[ -x "$kit/jre/bin/java" ] || { echo "run.sh: no kit at $kit (run bench/gpu/build-kit.sh here first and carry .gpu-kit)"; exit 2; }
step "kit: $(grep -E '^(built|djl-jni-sources|travel-total-mib):' "$kit/MANIFEST.txt" | tr '\n' ';')"
java="$kit/jre/bin/java"
"$java" -version 2>&1 | head -1 | sed 's/^/run.sh: kit java: /'

if $until_gpu; then
  shapes="small"
else
  shapes="${shapes_option:-0.6b,8b}"
fi

# (1) Checkpoints: the generator is plain Java (no libtorch), so it runs while the JNI compiles.
prepare_pids=()
for shape in ${shapes//,/ }; do
  rm -f "$work/prepare-$shape.rc"
  ( "$java" -cp "$kit/lib/*" dev.embedbench.backends.qwen3.GpuBench prepare --shape "$shape" \
      --dir "$work/models/$shape" > "$work/prepare-$shape.json" 2> "$work/prepare-$shape.log" &
    java_pid=$!
    echo "$java_pid" > "$work/prepare-$shape.pid"
    wait "$java_pid"
    echo $? > "$work/prepare-$shape.rc" ) &
  prepare_pids+=($!)
done
step "generating synthetic checkpoints ($shapes) in the background under $work/models"

# (2) and (3): the JNI and DJL's view of libtorch.
export DJL_CACHE_DIR="$work/djl-cache"
export OMP_WAIT_POLICY=PASSIVE
rm -f "$status_file"
jni_src="$kit/djl/engines/pytorch/pytorch-native"
if $until_gpu; then
  # No GPU and no libtorch headers here: check what the build needs is in the kit, then stand in
  # DJL's prebuilt CPU JNI and CPU libtorch (from the Maven jars on this machine) so that every
  # later step runs through exactly the override path the GPU machine uses.
  if [ -f "$jni_src/CMakeLists.txt" ] && [ -f "$jni_src/build/include/ai_djl_pytorch_jni_PyTorchLibrary.h" ]; then
    jni_kit="the kit holds DJL's JNI sources and header"
  else
    jni_kit="the kit LACKS DJL's JNI sources or header (built without a DJL checkout)"
  fi
  command -v cmake >/dev/null && cmake_note="cmake $(cmake --version | head -1 | awk '{print $3}') found" || cmake_note="no cmake here"
  native_jar="$(grep pytorch-native-cpu "$kit/local/cpu-natives.paths" 2>/dev/null || true)"
  jni_jar="$(grep pytorch-jni "$kit/local/cpu-natives.paths" 2>/dev/null || true)"
  if [ ! -f "$native_jar" ] || [ ! -f "$jni_jar" ]; then
    write_status false "cpu-stand-in" "$jni_kit; $cmake_note; no CPU libtorch jars here to stand in"
  else
    torch_lib="${XDG_CACHE_HOME:-$HOME/.cache}/embedbench/gpu-kit-cpu-libtorch-2.7.1"
    if [ ! -f "$torch_lib/libtorch.so" ]; then
      rm -rf "$torch_lib.tmp" && extract "$native_jar" pytorch/cpu/linux-x86_64/ "$torch_lib.tmp" \
        && rm -rf "$torch_lib" && mv "$torch_lib.tmp" "$torch_lib"
    fi
    torch_version=2.7.1
    flavor=cpu
    jni_dir="$DJL_CACHE_DIR/pytorch/$torch_version-$flavor-linux-x86_64"
    extract "$jni_jar" jnilib/linux-x86_64/cpu/libdjl_torch.so "$jni_dir"
    mv "$jni_dir/libdjl_torch.so" "$jni_dir/0.36.0-libdjl_torch.so"
    write_status true "cpu-stand-in" "JNI build NOT attempted here (needs the GPU machine's libtorch headers): $jni_kit; $cmake_note; DJL's prebuilt CPU JNI and CPU libtorch $torch_version stand in"
  fi
else
  torch_info="$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__), torch.__version__.split("+")[0], ("cu" + torch.version.cuda.replace(".", "")) if torch.version.cuda else "cpu", int(torch.compiled_with_cxx11_abi()))' 2> "$work/torch-import.log")"
  read -r torch_dir torch_version flavor cxx11_abi <<< "$torch_info"
  build="$work/jni-build"
  built_for="$torch_dir $torch_version $flavor $(grep djl-jni-sources "$kit/MANIFEST.txt")"
  if [ -z "$torch_dir" ] || [ ! -d "$torch_dir/lib" ]; then
    write_status false "none" "python3 could not import torch: $(tail -3 "$work/torch-import.log" | tr '\n' ' ')"
  elif [ ! -f "$jni_src/CMakeLists.txt" ] || [ ! -f "$jni_src/build/include/ai_djl_pytorch_jni_PyTorchLibrary.h" ]; then
    write_status false "none" "the kit lacks DJL's JNI sources or header: it was built without a DJL checkout (DJL_GIT_DIR)"
  elif [ -f "$build/libdjl_torch.so" ] && [ "$(cat "$work/jni-built-for" 2>/dev/null)" = "$built_for" ]; then
    # A rerun on the same warm machine: the JNI built last time is still there.
    write_status true "$(cat "$work/jni-method")" "reused from an earlier run on this machine, built against $torch_dir (torch $torch_version, $flavor)"
  else
    step "building libdjl_torch.so against $torch_dir (torch $torch_version, $flavor, cxx11 abi $cxx11_abi)"
    # At least 150 s of the budget stay for measuring; the build gets at most 4 minutes.
    jni_seconds=$(( deadline - 150 - $(date +%s) ))
    [ "$jni_seconds" -gt 240 ] && jni_seconds=240
    rm -f "$work/jni-built-for"
    result="$(bash "$root/bench/gpu/build-jni.sh" "$kit" "$torch_dir" "$cxx11_abi" "$build" "$out/jni-build.log" "$jni_seconds")"
    if [ $? -eq 0 ]; then
      method="${result#method: }"
      echo "$method" > "$work/jni-method"
      echo "$built_for" > "$work/jni-built-for"
      write_status true "$method" "built against $torch_dir (torch $torch_version, $flavor) in $(( $(date +%s) - started ))s of the run; log: jni-build.log"
    else
      write_status false "cmake, then g++" "$result"
    fi
  fi
  if [ -f "$build/libdjl_torch.so" ] && grep -q '"built": true' "$status_file"; then
    jni_dir="$DJL_CACHE_DIR/pytorch/$torch_version-$flavor-linux-x86_64"
    mkdir -p "$jni_dir" && cp "$build/libdjl_torch.so" "$jni_dir/0.36.0-libdjl_torch.so"
    torch_lib="$torch_dir/lib"
  fi
fi
step "JNI: $(cat "$status_file")"

if [ -n "${torch_lib:-}" ]; then
  export PYTORCH_LIBRARY_PATH="$torch_lib" PYTORCH_VERSION="$torch_version" PYTORCH_FLAVOR="$flavor"
  # DJL counts GPUs through libcudart with JNA; pip's CUDA runtime is not on the loader's path.
  cudart_dirs="$(find "$torch_lib/.." "$torch_lib/../../nvidia" /usr/local/cuda/lib64 -maxdepth 4 -name 'libcudart.so*' -printf '%h\n' 2>/dev/null | sort -u | tr '\n' ':')"
  export EMBEDBENCH_GPU_JAVA_OPTS="-Djna.library.path=${cudart_dirs%:}"
fi

# (4) Measure. gpu_bench.py waits for the checkpoints and keeps to the deadline.
mode=gpu
$until_gpu && mode=cpu-dry-run
python3 "$root/bench/gpu/gpu_bench.py" --mode "$mode" --java "$java" --classpath "$kit/lib/*" \
  --work "$work" --out "$out" --shapes "$shapes" --jni-status "$status_file" --deadline "$deadline" \
  --kit-manifest "$kit/MANIFEST.txt" $skip_correctness
rc=$?
# A generator still writing (the run hit its deadline first) must not outlive the command.
for shape in ${shapes//,/ }; do
  if [ ! -s "$work/prepare-$shape.rc" ] && kill "$(cat "$work/prepare-$shape.pid")" 2>/dev/null; then
    step "stopped the unfinished $shape checkpoint generator"
  fi
done
wait "${prepare_pids[@]}" 2>/dev/null
step "done (exit $rc); results in $out"
exit $rc
