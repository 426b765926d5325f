package dev.embedbench.backends.qwen3;

/** Where the model runs. */
public enum DevicePreference {
  /** The first GPU when DJL's libtorch sees one, else the CPU. */
  AUTO,
  CPU,
  GPU
}
