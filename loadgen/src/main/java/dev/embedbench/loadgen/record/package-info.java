/**
 * Recording: the drivers' event loops write latencies into HdrHistogram {@code Recorder}s and
 * counts into lock-free adders and never wait; the one {@code loadgen-reporter} thread swaps
 * interval histograms out once a second and owns every file it writes (interval logs, time series).
 */
package dev.embedbench.loadgen.record;
