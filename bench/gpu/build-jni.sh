#!/usr/bin/env bash
# Builds DJL's JNI bridge, libdjl_torch.so, from the kit's DJL v0.36.0 sources against a libtorch
# directory (on the GPU machine: the one inside its Python PyTorch). Called by run.sh.
#
#   build-jni.sh KIT TORCH_DIR CXX11_ABI BUILD_DIR LOG SECONDS
#
# First DJL's own way (its build.sh): CMake with find_package(Torch) and FindJNI, then a relink that
# drops the CUDA toolkit's cudart/nvrtc so only the ones libtorch loads are used. When that fails
# (CMake's Torch/CUDA discovery is the fragile part), g++ directly, file by file; a file that does not
# compile against this libtorch is left out and named: Java binds native methods at their first call,
# so the model path still runs unless it calls one of them (it would then fail with
# UnsatisfiedLinkError, which the run's djl.log shows).
# Prints "method: ..." and exits 0 with BUILD_DIR/libdjl_torch.so, or prints "failed: ..." and exits 1.
set -uo pipefail
kit="$1" torch_dir="$2" cxx11_abi="$3" build="$4" log="$5" seconds="$6"
end=$(( $(date +%s) + seconds ))
left() { local s=$(( end - $(date +%s) )); [ "$s" -gt 5 ] && echo "$s" || echo 5; }
src="$kit/djl/engines/pytorch/pytorch-native"
rm -rf "$build" && mkdir -p "$build"
: > "$log"

cuda_root=""
for candidate in /usr/local/cuda "$(dirname "$(dirname "$(command -v nvcc 2>/dev/null || echo /none/bin/nvcc)")")"; do
  [ -f "$candidate/include/cuda_runtime_api.h" ] && { cuda_root="$candidate"; break; }
done
echo "== cuda toolkit: ${cuda_root:-none found}" >> "$log"

echo "== cmake (DJL's CMakeLists.txt)" >> "$log"
if timeout "$(left)" cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release \
     "-DCMAKE_PREFIX_PATH=$torch_dir;$torch_dir/share/cmake" -DUSE_CUDA=1 \
     ${cuda_root:+"-DCUDAToolkit_ROOT=$cuda_root"} -DCMAKE_CUDA_ARCHITECTURES=90 -DTORCH_CUDA_ARCH_LIST=9.0 \
     -DJAVA_HOME="$kit/jre" -DJAVA_INCLUDE_PATH="$kit/jre/include" -DJAVA_INCLUDE_PATH2="$kit/jre/include/linux" \
     -DJAVA_JVM_LIBRARY="$kit/jre/lib/server/libjvm.so" >> "$log" 2>&1 \
   && timeout "$(left)" cmake --build "$build" -- -j "$(nproc)" >> "$log" 2>&1 \
   && ( cd "$build" && sed -i -r 's#[^ ]*/lib(cudart|nvrtc)\.so[.0-9]*##g' CMakeFiles/djl_torch.dir/link.txt \
        && rm -f libdjl_torch.so && . CMakeFiles/djl_torch.dir/link.txt ) >> "$log" 2>&1 \
   && [ -f "$build/libdjl_torch.so" ]; then
  echo "method: cmake"
  exit 0
fi
cmake_error="$(grep -m 3 -iE 'error' "$log" | tr '\n' ' ' | cut -c1-400)"

echo "== g++ directly" >> "$log"
includes=(-I"$torch_dir/include" -I"$torch_dir/include/torch/csrc/api/include" -I"$kit/jre/include"
          -I"$kit/jre/include/linux" -I"$src/build/include" -I"$kit/djl/api/src/main/native")
[ -n "$cuda_root" ] && includes+=(-I"$cuda_root/include")
for dir in "$torch_dir"/../nvidia/*/include "$torch_dir"/../nvidia/*/*/include; do
  [ -d "$dir" ] && includes+=(-I"$dir")
done
flags=(-O2 -fPIC -std=c++17 "-D_GLIBCXX_USE_CXX11_ABI=$cxx11_abi" -DUSE_CUDA "${includes[@]}")
mkdir -p "$build/gxx"
for file in "$src"/src/main/native/*.cc; do
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n; done
  name="$(basename "$file" .cc)"
  ( timeout "$(left)" g++ "${flags[@]}" -c "$file" -o "$build/gxx/$name.o" > "$build/gxx/$name.log" 2>&1 \
      || { rm -f "$build/gxx/$name.o"; touch "$build/gxx/$name.failed"; } ) &
done
wait
left_out=""
for failed in "$build"/gxx/*.failed; do
  [ -e "$failed" ] || continue
  name="$(basename "$failed" .failed)"
  cat "$build/gxx/$name.log" >> "$log"
  left_out="$left_out $name.cc ($(grep -m 1 'error' "$build/gxx/$name.log" | sed 's#^.*/native/##' | cut -c1-160));"
done
if ls "$build"/gxx/*.o >/dev/null 2>&1 \
   && g++ -shared -o "$build/libdjl_torch.so" "$build"/gxx/*.o -L"$torch_dir/lib" -ltorch -ltorch_cpu \
        -ltorch_cuda -lc10 -lc10_cuda -Wl,-rpath,'$ORIGIN' >> "$log" 2>&1; then
  echo "method: g++ after CMake failed (${cmake_error:-see log})${left_out:+; LEFT OUT:$left_out}"
  exit 0
fi
echo "failed: cmake (${cmake_error:-see log}), then g++${left_out:+ (files that did not compile:$left_out)}" | cut -c1-1500
echo "(the whole story: jni-build.log)"
exit 1
