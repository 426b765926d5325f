"""Checks gpu_bench.py's bookkeeping without a GPU or torch: inputs, summaries, ratios, the report.
Run: python3 -m unittest discover -s bench/gpu -p 'test_*.py' (GpuKitTest runs it in mvn test)."""

import os
import tempfile
import unittest

import gpu_bench


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class GpuBenchTest(unittest.TestCase):

    def test_ids_file_is_deterministic_and_in_range(self):
        with tempfile.TemporaryDirectory() as work_a, tempfile.TemporaryDirectory() as work_b:
            a = gpu_bench.ids_file(work_a, "x", 1000, 8, 32)
            b = gpu_bench.ids_file(work_b, "x", 1000, 8, 32)
            data = read_bytes(a)
            self.assertEqual(data, read_bytes(b))
            self.assertEqual(8 * 32 * 4, len(data))
            ids = [int.from_bytes(data[i:i + 4], "little") for i in range(0, len(data), 4)]
            self.assertTrue(all(0 <= i < 1000 for i in ids))
            self.assertGreater(len(set(ids)), 100, "ids should vary")

    def test_summary_is_median_of_round_medians_with_range(self):
        rounds = [[0.010, 0.012, 0.011], [0.020, 0.020], [0.015]]
        s = gpu_bench.summarise(rounds, batch=8)
        self.assertEqual(3, s["rounds"])
        self.assertAlmostEqual(15.0, s["latency_ms_median"])
        self.assertAlmostEqual(11.0, s["latency_ms_range"][0])
        self.assertAlmostEqual(20.0, s["latency_ms_range"][1])
        self.assertAlmostEqual(8 / 0.015, s["inputs_per_second_median"])
        self.assertAlmostEqual(8 / 0.020, s["inputs_per_second_range"][0])
        self.assertIsNone(gpu_bench.summarise([[], []], batch=8))

    def test_ratio_and_report_for_a_cell_with_both_sides(self):
        cell = {"batch": 32, "tokens": 128, "errors": {},
                "rounds": {"djl": [[0.02], [0.02], [0.02]], "pytorch_fp16": [[0.01], [0.01], [0.01]],
                           "pytorch_bf16": [[0.04], [0.04], [0.04]]}}
        gpu_bench.finish_cell(cell, {})
        self.assertAlmostEqual(0.5, cell["summary"]["djl_over_pytorch_fp16"])
        self.assertAlmostEqual(2.0, cell["summary"]["djl_over_pytorch_bf16"])
        with tempfile.TemporaryDirectory() as out:
            results = gpu_bench.Results(out, "gpu")
            results.doc["jni"] = {"built": True, "method": "cmake", "detail": "test"}
            results.doc["speed"]["0.6b"] = {"status": "complete", "cells": [cell],
                                            "djl": {"path": "GPU fp16"}}
            results.doc["correctness"] = {
                "fastPath": "GPU fp16", "referencePath": "CPU fp32 (same code)", "shape": "0.6b",
                "model": {"config": "c", "minCosine": 0.99995, "maxAbsDiff": 1e-3, "vectorsCompared": 1,
                          "meetsCosineGoal": True,
                          "cases": [{"case": "alone", "vectors": [{"tokens": 2048, "cosine": 0.99995, "maxAbsDiff": 1e-3}]}]},
                "tinyModel": {"config": "t", "minCosine": 0.9999999, "maxAbsDiff": 1e-6, "vectorsCompared": 1,
                              "meetsCosineGoal": True,
                              "cases": [{"case": "GPU fp32", "vectors": [{"tokens": 5, "cosine": 1.0, "maxAbsDiff": 1e-6}]}]}}
            results.save()
            report = read_bytes(os.path.join(out, "gpu-bench.md")).decode()
        self.assertNotIn("rendering failed", report)
        self.assertIn("| 32 | 128 | 1600.0 [1600.0-1600.0] | 20.00 | 3200.0 [3200.0-3200.0] | 800.0 [800.0-800.0] | 0.50x | 2.00x |", report)
        self.assertIn("min cosine 0.9999500", report)
        self.assertIn("measured in-process on this machine's GPU", report)

    def test_iterations_stay_within_bounds(self):
        self.assertEqual(gpu_bench.MIN_ITERATIONS, gpu_bench.iterations_for(5.0))
        self.assertEqual(gpu_bench.MAX_ITERATIONS, gpu_bench.iterations_for(1e-5))
        self.assertEqual(6, gpu_bench.iterations_for(0.05))


if __name__ == "__main__":
    unittest.main()
