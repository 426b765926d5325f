#!/usr/bin/env python3
"""The measuring half of bench/gpu/run.sh: DJL (embedbench's Qwen3 model code, through the kit's Java
runtime) and PyTorch eager (transformers' Qwen3Model from the same config.json, random weights, SDPA)
on the same card, same shapes, same token ids, timed the same way, rounds interleaved.

Writes gpu-bench.json and gpu-bench.md into --out after every step, so a run cut short leaves valid
files marked partial. Figures are labelled with where they came from; a CPU dry run says so on every
table. Needs only the standard library; torch and transformers are used when importable.
"""

import argparse
import array
import datetime
import json
import os
import platform
import queue
import statistics
import subprocess
import sys
import threading
import time

BATCHES = (1, 8, 32, 128)
TOKENS = (32, 128, 512)
DRY_RUN_BATCHES = (1, 8)
DRY_RUN_TOKENS = (32, 128)
ROUNDS = 3
# Each implementation runs a cell for about this long per round (at least MIN_ITERATIONS calls).
TARGET_SECONDS_PER_ROUND = 0.25
MIN_ITERATIONS = 2
MAX_ITERATIONS = 20
COSINE_GOAL = 0.9999
RATIO_GOAL_CELL = (32, 128)
RATIO_GOAL = 0.8
IDS_SEED = 20261203


class Results:
    """The result document, rewritten (JSON and Markdown) after every step."""

    def __init__(self, out_dir, mode):
        self.out_dir = out_dir
        self.djl_broken = None
        self.doc = {
            "title": "embedbench in-process Qwen3 (DJL) against PyTorch eager, same GPU",
            "mode": mode,
            "provenance": ("CPU dry run on a machine without a GPU: checks the kit's steps; NOT a GPU result"
                           if mode == "cpu-dry-run" else
                           "measured in-process on this machine's GPU, synthetic random weights"),
            "started": utc_now(),
            "complete": False,
            "machine": {},
            "jni": None,
            "correctness": None,
            "speed": {},
            "notes": [],
        }

    def note(self, text):
        print("gpu_bench: " + text, flush=True)
        self.doc["notes"].append(text)
        self.save()

    def save(self):
        self.doc["updated"] = utc_now()
        tmp = os.path.join(self.out_dir, "gpu-bench.json.tmp")
        with open(tmp, "w") as f:
            json.dump(self.doc, f, indent=2, allow_nan=True)
        os.replace(tmp, os.path.join(self.out_dir, "gpu-bench.json"))
        try:
            text = markdown(self.doc)
        except Exception as e:  # noqa: BLE001 - a report bug must not stop the measuring; the JSON has it all
            text = "# Markdown rendering failed: %s: %s\n\nThe figures are in gpu-bench.json.\n" % (type(e).__name__, e)
        with open(os.path.join(self.out_dir, "gpu-bench.md"), "w") as f:
            f.write(text)


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_text(command, timeout=20):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        return (done.stdout or done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        return "unavailable (%s)" % e


def log_excerpt(path, lines=6):
    """The last lines of a log that name an error: what failed and where, for the result file."""
    try:
        with open(path, errors="replace") as f:
            text = f.read().splitlines()
    except OSError:
        return ""
    keys = ("Exception", "Error", "error:", "undefined symbol", "Caused by", "\tat ai.djl", "\tat dev.embedbench")
    picked = [line.strip() for line in text if any(k in line for k in keys)]
    return " | ".join(picked[-lines:])[:1500]


def machine_info(args):
    info = {
        "host": platform.node(),
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "nvidia_smi": run_text(["nvidia-smi", "--query-gpu=name,memory.total,driver_version", "--format=csv,noheader"]),
        "kit": open(args.kit_manifest).read().strip() if os.path.exists(args.kit_manifest) else "no MANIFEST.txt",
    }
    try:
        import torch
        info["torch"] = torch.__version__
        info["torch_cuda"] = torch.version.cuda
        info["cuda_available"] = torch.cuda.is_available()
        if torch.cuda.is_available():
            info["gpu"] = torch.cuda.get_device_name(0)
    except Exception as e:  # noqa: BLE001 - any import failure is reported, not fatal
        info["torch"] = "not importable: %s" % e
    try:
        import transformers
        info["transformers"] = transformers.__version__
    except Exception as e:  # noqa: BLE001
        info["transformers"] = "not importable: %s" % e
    return info


def wait_for_config(work, shape, deadline):
    """The checkpoint directory once its config.json exists (the generator writes it first)."""
    model_dir = os.path.join(work, "models", shape)
    rc_file = os.path.join(work, "prepare-%s.rc" % shape)
    while not os.path.exists(os.path.join(model_dir, "config.json")):
        if time.time() > deadline or (os.path.exists(rc_file) and open(rc_file).read().strip() not in ("", "0")):
            raise RuntimeError("the %s checkpoint's config.json was not written (see prepare-%s.log)" % (shape, shape))
        time.sleep(0.2)
    return model_dir


def wait_for_checkpoint(work, shape, deadline):
    """Waits for run.sh's background generator; returns (directory, prepare JSON) or raises."""
    rc_file = os.path.join(work, "prepare-%s.rc" % shape)
    while not os.path.exists(rc_file) or not open(rc_file).read().strip():
        if time.time() > deadline:
            raise TimeoutError("the %s checkpoint was not written before the deadline" % shape)
        time.sleep(0.5)
    rc = open(rc_file).read().strip()
    if rc != "0":
        log = open(os.path.join(work, "prepare-%s.log" % shape)).read()[-1500:]
        raise RuntimeError("generating the %s checkpoint failed (exit %s): %s" % (shape, rc, log))
    prepared = json.loads(open(os.path.join(work, "prepare-%s.json" % shape)).read().strip().splitlines()[-1])
    return os.path.join(work, "models", shape), prepared


def ids_file(work, shape, vocab, batch, tokens):
    """Token ids both implementations read: BATCH x TOKENS little-endian int32, one fixed LCG."""
    path = os.path.join(work, "ids-%s-%dx%d.bin" % (shape, batch, tokens))
    if not os.path.exists(path):
        state = IDS_SEED + batch * 1000 + tokens
        bound = min(vocab, 151643)
        ids = array.array("i")
        for _ in range(batch * tokens):
            state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
            ids.append((state >> 33) % bound)
        if sys.byteorder != "little":
            ids.byteswap()
        with open(path, "wb") as f:
            ids.tofile(f)
    return path


class DjlServer:
    """GpuBench serve in a child JVM: the model stays loaded while rounds interleave with the peer."""

    def __init__(self, args, model_dir, device, dtype, log_path):
        self.log = open(log_path, "a")
        command = [args.java] + java_options() + ["-cp", args.classpath,
                   "dev.embedbench.backends.qwen3.GpuBench", "serve", "--model", model_dir,
                   "--device", device, "--dtype", dtype]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log, text=True, bufsize=1)
        # A thread drains stdout into a queue, so a timeout never depends on how the pipe is buffered.
        self.lines = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()
        self.ready = None

    def _drain(self):
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def read(self, timeout):
        end = time.time() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, end - time.time()))
            except queue.Empty:
                raise TimeoutError("DJL did not answer within %.0f s" % timeout) from None
            if line is None:
                raise RuntimeError("the DJL process exited (code %s); see djl.log" % self.process.wait())
            line = line.strip()
            if line.startswith("{"):
                return json.loads(line)

    def wait_ready(self, timeout):
        self.ready = self.read(timeout)
        if self.ready.get("event") != "ready":
            raise RuntimeError("DJL did not load the model: %s" % self.ready)
        return self.ready

    def time(self, path, batch, tokens, warmup, iterations, timeout):
        self.process.stdin.write("time %s %d %d %d %d\n" % (path, batch, tokens, warmup, iterations))
        self.process.stdin.flush()
        reply = self.read(timeout)
        if reply.get("event") != "timed":
            raise RuntimeError(reply.get("message", str(reply)))
        return [n / 1e9 for n in reply["latenciesNanos"]]

    def close(self):
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(timeout=30)
        except Exception:  # noqa: BLE001 - a hung child is killed below
            pass
        if self.process.poll() is None:
            self.process.kill()
        self.log.close()


def java_options():
    return ["-Dai.djl.offline=true"] + os.environ.get("EMBEDBENCH_GPU_JAVA_OPTS", "").split()


class TorchPeer:
    """transformers' Qwen3Model from the same config.json, random weights, SDPA attention, eager."""

    def __init__(self, config_path, dtype_name):
        import torch
        from transformers import Qwen3Config, Qwen3Model
        self.torch = torch
        self.dtype = {"fp16": torch.float16, "bf16": torch.bfloat16}[dtype_name]
        with open(config_path) as f:
            config_dict = json.load(f)
        try:
            config = Qwen3Config.from_dict(config_dict, attn_implementation="sdpa")
        except TypeError:
            config = Qwen3Config.from_dict(config_dict)
            config._attn_implementation = "sdpa"
        torch.manual_seed(0)
        previous = torch.get_default_dtype()
        try:
            # Built in the target dtype on the GPU directly: an fp32 8B would need twice the memory.
            torch.set_default_dtype(self.dtype)
            with torch.device("cuda"):
                self.model = Qwen3Model(config).eval()
        except (TypeError, RuntimeError):
            torch.set_default_dtype(previous)
            with torch.device("cuda"):
                self.model = Qwen3Model(config).to(self.dtype).eval()
        finally:
            torch.set_default_dtype(previous)
        self.weight_bytes = sum(p.numel() * p.element_size() for p in self.model.parameters())
        if getattr(self.model.config, "_attn_implementation", None) != "sdpa" \
                and hasattr(self.model, "set_attn_implementation"):
            self.model.set_attn_implementation("sdpa")
        # Recorded as the model reports it, so the result says which attention actually ran.
        self.attention = getattr(self.model.config, "_attn_implementation", "unknown")

    def embed(self, ids):
        """The same work as DJL's embed: ids to the GPU, forward, last token, L2 norm, vectors back."""
        torch = self.torch
        with torch.inference_mode():
            input_ids = ids.to("cuda")
            hidden = self.model(input_ids=input_ids, use_cache=False).last_hidden_state
            pooled = torch.nn.functional.normalize(hidden[:, -1].float(), dim=-1)
            return pooled.cpu()

    def time(self, ids, warmup, iterations):
        for _ in range(warmup):
            self.embed(ids)
        latencies = []
        for _ in range(iterations):
            started = time.perf_counter()
            self.embed(ids)
            latencies.append(time.perf_counter() - started)
        return latencies

    def close(self):
        del self.model
        self.torch.cuda.empty_cache()


def load_ids_tensor(path, batch, tokens):
    import torch
    ids = array.array("i")
    with open(path, "rb") as f:
        ids.fromfile(f, batch * tokens)
    return torch.tensor(ids, dtype=torch.long).reshape(batch, tokens)


def process_gpu_mib(pid):
    """Device memory nvidia-smi attributes to pid (MiB), or None."""
    text = run_text(["nvidia-smi", "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits"])
    for line in text.splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) == 2 and parts[0] == str(pid) and parts[1].isdigit():
            return int(parts[1])
    return None


def iterations_for(latency_seconds):
    wanted = int(TARGET_SECONDS_PER_ROUND / max(latency_seconds, 1e-6)) + 1
    return max(MIN_ITERATIONS, min(MAX_ITERATIONS, wanted))


def summarise(rounds, batch):
    """Median and range over rounds of each round's median latency."""
    per_round = [statistics.median(r) for r in rounds if r]
    if not per_round:
        return None
    median_latency = statistics.median(per_round)
    return {
        "rounds": len(per_round),
        "latency_ms_median": median_latency * 1e3,
        "latency_ms_range": [min(per_round) * 1e3, max(per_round) * 1e3],
        "inputs_per_second_median": batch / median_latency,
        "inputs_per_second_range": [batch / max(per_round), batch / min(per_round)],
    }


def measure_shape(args, results, shape, device, deadline):
    section = {"status": "started", "cells": []}
    results.doc["speed"][shape] = section
    djl_wanted = bool(results.doc["jni"] and results.doc["jni"].get("built")) and not results.djl_broken
    try:
        if djl_wanted:
            model_dir, section["checkpoint"] = wait_for_checkpoint(args.work, shape, deadline)
        else:
            # The peer needs only config.json: it builds its own random weights.
            model_dir = wait_for_config(args.work, shape, deadline)
    except (TimeoutError, RuntimeError) as e:
        section["status"] = "skipped: %s" % e
        results.save()
        return
    config = json.load(open(os.path.join(model_dir, "config.json")))
    dry = args.mode == "cpu-dry-run"
    cells = [(b, t) for b in (DRY_RUN_BATCHES if dry else BATCHES) for t in (DRY_RUN_TOKENS if dry else TOKENS)]

    impls = {}
    djl = None
    if djl_wanted:
        # The JVM loads its copy of the weights while the peers build theirs.
        djl = DjlServer(args, model_dir, device, "fp32" if dry else "fp16", os.path.join(args.out, "djl.log"))
    else:
        section["djl"] = {"failed": "not run: " + (results.djl_broken or "the JNI was not built or placed (see jni)")}
    for dtype in ("fp16", "bf16"):
        name = "pytorch_" + dtype
        if dry:
            section[name] = {"failed": "not run: a CPU dry run measures DJL only (PyTorch eager is measured on the GPU)"}
            continue
        try:
            started = time.time()
            peer = TorchPeer(os.path.join(model_dir, "config.json"), dtype)
            section[name] = {"path": "transformers Qwen3Model, GPU %s, attention %s, random weights" % (dtype, peer.attention),
                             "build_seconds": time.time() - started}
            impls[name] = peer
        except Exception as e:  # noqa: BLE001 - recorded; DJL is still measured
            section[name] = {"failed": "%s: %s" % (type(e).__name__, e)}
    if djl:
        try:
            ready = djl.wait_ready(max(30, deadline - time.time()))
            section["djl"] = {"path": ready["path"], "load_seconds": ready["loadSeconds"], "engine": ready["engine"]}
            impls = {"djl": djl, **impls}
        except Exception as e:  # noqa: BLE001 - recorded; the peer is still measured
            section["djl"] = {"failed": "%s: %s" % (type(e).__name__, e),
                              "where": "GpuBench serve: loading libtorch through the JNI or the model",
                              "djl_log": log_excerpt(os.path.join(args.out, "djl.log"))}
            djl.close()
            # Later shapes would fail the same way; the peer need not wait for their weights.
            results.djl_broken = "DJL could not load the %s shape (see that section)" % shape
    results.save()
    if not impls:
        section["status"] = "not measured: neither DJL nor PyTorch could run (see their entries)"
        results.save()
        return

    try:
        for batch, tokens in cells:
            cell = {"batch": batch, "tokens": tokens, "rounds": {name: [] for name in impls}, "errors": {}}
            section["cells"].append(cell)
            path = ids_file(args.work, shape, config["vocab_size"], batch, tokens)
            torch_ids = load_ids_tensor(path, batch, tokens) if any(n.startswith("pytorch") for n in impls) else None
            iterations = {}
            names = list(impls)
            for round_index in range(ROUNDS):
                # Rotate who goes first, so neither always runs on a card the other just warmed.
                order = names[round_index % len(names):] + names[:round_index % len(names)] if names else []
                for name in order:
                    if name in cell["errors"]:
                        continue
                    if time.time() > deadline:
                        raise TimeoutError("deadline reached")
                    impl = impls[name]
                    try:
                        if name not in iterations:
                            probe = timed(impl, path, torch_ids, batch, tokens, 1, 1, deadline)
                            iterations[name] = iterations_for(probe[0])
                        cell["rounds"][name].append(timed(impl, path, torch_ids, batch, tokens, 0, iterations[name], deadline))
                    except TimeoutError:
                        raise
                    except Exception as e:  # noqa: BLE001 - out of memory in one cell, say
                        cell["errors"][name] = "%s: %s" % (type(e).__name__, str(e)[:500])
            cell["iterations_per_round"] = iterations
            finish_cell(cell, impls)
            results.save()
        section["status"] = "complete"
    except TimeoutError as e:
        section["status"] = "partial: %s after %d of %d cells" % (e, len(section["cells"]), len(cells))
        if section["cells"]:
            finish_cell(section["cells"][-1], impls)
    finally:
        for impl in impls.values():
            impl.close()
        results.save()


def timed(impl, path, torch_ids, batch, tokens, warmup, iterations, deadline):
    if isinstance(impl, DjlServer):
        return impl.time(path, batch, tokens, warmup, iterations, max(60, deadline - time.time() + 60))
    return impl.time(torch_ids, warmup, iterations)


def finish_cell(cell, impls):
    cell["summary"] = {name: summarise(rounds, cell["batch"]) for name, rounds in cell["rounds"].items()}
    djl = cell["summary"].get("djl")
    for peer in ("pytorch_fp16", "pytorch_bf16"):
        other = cell["summary"].get(peer)
        if djl and other:
            cell["summary"]["djl_over_" + peer] = djl["inputs_per_second_median"] / other["inputs_per_second_median"]
    memory = {}
    peers = [impl for impl in impls.values() if isinstance(impl, TorchPeer)]
    for name, impl in impls.items():
        if isinstance(impl, DjlServer):
            memory["djl_process_mib"] = process_gpu_mib(impl.process.pid)
    if peers:
        # Both peer models share one process: their weights are subtracted to leave one cell's activations.
        torch = peers[0].torch
        weights = sum(p.weight_bytes for p in peers)
        memory["pytorch_weights_mib_each"] = peers[0].weight_bytes / 2**20
        memory["pytorch_peak_activations_mib"] = (torch.cuda.max_memory_allocated() - weights) / 2**20
        torch.cuda.reset_peak_memory_stats()
    cell["gpu_memory"] = memory


def correctness(args, results, device, deadline):
    if not (results.doc["jni"] and results.doc["jni"].get("built")):
        results.doc["correctness"] = {"failed": "not run: the JNI was not built or placed (see jni)"}
        results.save()
        return
    shape = args.shapes.split(",")[0]
    try:
        model_dir, _ = wait_for_checkpoint(args.work, shape, deadline)
        out_file = os.path.join(args.work, "correctness.json")
        command = [args.java] + java_options() + ["-cp", args.classpath, "dev.embedbench.backends.qwen3.GpuBench",
                   "correctness", "--model", model_dir, "--device", device,
                   # A dry run keeps the CPU's fp32 and one long input: fp16 on a CPU is many times slower,
                   # and ForwardPassTest already covers those dtypes there.
                   "--fast-dtype", "fp32" if args.mode == "cpu-dry-run" else "fp16",
                   "--long", "2048" if args.mode == "cpu-dry-run" else "2048,2600", "--out", out_file, "--scratch", os.path.join(args.work, "scratch")]
        with open(os.path.join(args.out, "djl.log"), "a") as log:
            done = subprocess.run(command, stdout=subprocess.PIPE, stderr=log, text=True,
                                  timeout=max(30, min(240, deadline - time.time())))
        if done.returncode != 0:
            raise RuntimeError("GpuBench correctness exited %d; see djl.log" % done.returncode)
        results.doc["correctness"] = json.load(open(out_file))
        results.doc["correctness"]["shape"] = shape
    except Exception as e:  # noqa: BLE001
        results.doc["correctness"] = {"failed": "%s: %s" % (type(e).__name__, e),
                                      "djl_log": log_excerpt(os.path.join(args.out, "djl.log"))}
    results.save()


def fmt(value, pattern="%.1f"):
    return "-" if value is None else pattern % value


def markdown(doc):
    lines = ["# %s" % doc["title"], "",
             "**%s.** Mode `%s`, started %s, %s." % (doc["provenance"], doc["mode"], doc["started"],
                                                   "complete" if doc["complete"] else "PARTIAL (cut short or still running)"),
             "", "## Machine", ""]
    for key, value in doc["machine"].items():
        if key != "kit":
            lines.append("- %s: %s" % (key, value))
    lines += ["", "## JNI (libdjl_torch.so)", "", "```", json.dumps(doc["jni"], indent=2), "```", "", "## Correctness", ""]
    c = doc["correctness"]
    if not c or "failed" in c or "skipped" in c:
        lines.append("Not measured: %s" % (c or {}).get("failed", (c or {}).get("skipped", "not reached")))
        if c and c.get("djl_log"):
            lines += ["", "djl.log: `%s`" % c["djl_log"]]
    else:
        lines.append("Fast path %s against %s; goal: cosine >= %s for every vector." % (c["fastPath"], c["referencePath"], COSINE_GOAL))
        for key in ("model", "tinyModel"):
            part = c[key]
            lines += ["", "**%s** (%s): min cosine %.7f, max abs diff %.2e over %d vectors: goal %s." % (
                "Synthetic %s-shape checkpoint" % c.get("shape", "") if key == "model" else "Tiny model against ReferenceQwen3 (double)",
                part["config"], part["minCosine"], part["maxAbsDiff"], part["vectorsCompared"],
                "met" if part["meetsCosineGoal"] else "NOT met"), "",
                "| case | tokens | cosine | max abs diff |", "|---|---|---|---|"]
            for case in part["cases"]:
                for v in case["vectors"]:
                    lines.append("| %s | %d | %.7f | %.2e |" % (case["case"], v["tokens"], v["cosine"], v["maxAbsDiff"]))
    lines += ["", "## Speed", "",
              "Latency: one call embedding the whole batch (ids to the device, forward pass, last-token pooling, "
              "L2 norm, vectors back to the host), wall clock. Each cell: %d rounds interleaved across the "
              "implementations (first mover rotated); figures are the median over rounds of each round's median, "
              "[range]. Ratio: DJL inputs/s over PyTorch inputs/s (above 1: DJL faster). Memory: DJL = device "
              "memory nvidia-smi gives its process (weights, CUDA context and allocator cache); PyTorch = one "
              "model's weights + the peak allocated for activations during the cell." % ROUNDS, ""]
    for shape, section in doc["speed"].items():
        lines += ["### %s shape: %s" % (shape, section.get("status")), ""]
        for name in ("djl", "pytorch_fp16", "pytorch_bf16"):
            if name in section:
                lines.append("- %s: %s" % (name, json.dumps(section[name])))
        lines += ["", "| batch | tokens | DJL inputs/s | DJL p50 ms | PyTorch fp16 inputs/s | PyTorch bf16 inputs/s "
                  "| DJL / PT fp16 | DJL / PT bf16 | DJL MiB | PT MiB (weights + activations) | errors |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for cell in section["cells"]:
            s = cell.get("summary", {})

            def rate(name):
                r = s.get(name)
                if not r:
                    return "-"
                return "%.1f [%.1f-%.1f]" % (r["inputs_per_second_median"], *r["inputs_per_second_range"])
            djl = s.get("djl")
            mem = cell.get("gpu_memory", {})
            lines.append("| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                cell["batch"], cell["tokens"], rate("djl"), fmt(djl and djl["latency_ms_median"], "%.2f"),
                rate("pytorch_fp16"), rate("pytorch_bf16"), fmt(s.get("djl_over_pytorch_fp16"), "%.2fx"),
                fmt(s.get("djl_over_pytorch_bf16"), "%.2fx"), fmt(mem.get("djl_process_mib"), "%d"),
                "-" if "pytorch_weights_mib_each" not in mem else "%.0f + %.0f" % (
                    mem["pytorch_weights_mib_each"], mem["pytorch_peak_activations_mib"]),
                "; ".join("%s: %s" % kv for kv in cell.get("errors", {}).items()) or ""))
        lines.append("")
    if doc["notes"]:
        lines += ["## Notes", ""] + ["- " + n for n in doc["notes"]]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("gpu", "cpu-dry-run"), required=True)
    parser.add_argument("--java", required=True)
    parser.add_argument("--classpath", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--shapes", required=True, help="comma-separated: 0.6b,8b or small")
    parser.add_argument("--jni-status", required=True)
    parser.add_argument("--deadline", type=float, required=True, help="seconds since the epoch")
    parser.add_argument("--kit-manifest", required=True)
    parser.add_argument("--skip-correctness", action="store_true",
                        help="speed only (a second call completing what a first one cut short)")
    args = parser.parse_args()

    results = Results(args.out, args.mode)
    results.doc["machine"] = machine_info(args)
    try:
        results.doc["jni"] = json.load(open(args.jni_status))
    except (OSError, ValueError) as e:
        results.doc["jni"] = {"built": False, "method": "none", "detail": "no JNI status from run.sh: %s" % e}
    results.save()
    device = "cpu" if args.mode == "cpu-dry-run" else "gpu"
    if args.skip_correctness:
        results.doc["correctness"] = {"skipped": "--skip-correctness: see the earlier run's file"}
    else:
        correctness(args, results, device, args.deadline)
    for shape in args.shapes.split(","):
        measure_shape(args, results, shape, device, args.deadline)
    cell_goal = None
    for shape, section in results.doc["speed"].items():
        for cell in section["cells"]:
            if (cell["batch"], cell["tokens"]) == RATIO_GOAL_CELL and "djl_over_pytorch_fp16" in cell.get("summary", {}):
                cell_goal = cell["summary"]["djl_over_pytorch_fp16"]
                results.note("%s batch %d x %d tokens: DJL / PyTorch fp16 = %.2fx (goal >= %.1fx: %s)" % (
                    shape, RATIO_GOAL_CELL[0], RATIO_GOAL_CELL[1], cell_goal, RATIO_GOAL, "met" if cell_goal >= RATIO_GOAL else "NOT met"))
    speed_done = all(s.get("status") == "complete" for s in results.doc["speed"].values())
    correctness_done = args.skip_correctness or "fastPath" in (results.doc["correctness"] or {})
    results.doc["complete"] = speed_done and correctness_done
    results.save()
    print("gpu_bench: wrote %s/gpu-bench.json and gpu-bench.md (%s)" % (
        args.out, "complete" if results.doc["complete"] else "partial or with failures"), flush=True)
    return 0 if results.doc["complete"] else 1


if __name__ == "__main__":
    sys.exit(main())
