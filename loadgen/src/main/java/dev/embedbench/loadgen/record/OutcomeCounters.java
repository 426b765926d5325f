package dev.embedbench.loadgen.record;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live request counts written by any event loop without locks; read as a {@link Counts} snapshot.
 */
final class OutcomeCounters {

  final LongAdder sent = new LongAdder();
  final LongAdder notSent = new LongAdder();
  final LongAdder ok = new LongAdder();
  final LongAdder inputsOk = new LongAdder();
  final LongAdder tokensOk = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();

  void fail(String failureClass) {
    failures.computeIfAbsent(failureClass, key -> new LongAdder()).increment();
  }

  Counts snapshot() {
    // Read the outcomes before "sent", so that a snapshot never shows more completed than sent.
    Map<String, Long> failed = new TreeMap<>();
    failures.forEach((key, adder) -> failed.put(key, adder.sum()));
    long okNow = ok.sum();
    long inputs = inputsOk.sum();
    long tokens = tokensOk.sum();
    long notSentNow = notSent.sum();
    return new Counts(sent.sum(), notSentNow, okNow, inputs, tokens, failed);
  }
}
