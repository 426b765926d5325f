package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.PreparedRequest;
import java.nio.charset.StandardCharsets;

/**
 * Records how an answered request ended, the same way whichever HTTP client read the answer: a 2xx
 * body that passed its check is ok, with its latencies; one that failed it is {@code invalid_body};
 * any other status is {@code http_<status>}, with the start of the body kept as the failure's
 * detail.
 */
final class AnswerRecorder {

  private static final int ERROR_DETAIL_CHARS = 300;

  private final RunRecorder recorder;
  private final ResponseValidator validator;

  AnswerRecorder(RunRecorder recorder, ResponseValidator validator) {
    this.recorder = recorder;
    this.validator = validator;
  }

  /**
   * A 2xx body checked as it streamed in; {@code problem} is the scan's verdict, null when valid.
   */
  void scanned(
      PreparedRequest request,
      Phase phase,
      long intendedNanos,
      long sendNanos,
      long endNanos,
      String problem) {
    if (problem != null) {
      recorder.failed(phase, FailureClass.INVALID_BODY, problem);
    } else {
      recorder.ok(phase, intendedNanos, sendNanos, endNanos, request.inputs(), request.tokens());
    }
  }

  /**
   * An error body, kept for its message, or a sampled 2xx body, parsed in full and its values
   * checked: the first {@code length} bytes of {@code body}.
   */
  void whole(
      PreparedRequest request,
      Phase phase,
      long intendedNanos,
      long sendNanos,
      long endNanos,
      int status,
      byte[] body,
      int length) {
    if (status < 200 || status > 299) {
      recorder.failed(
          phase, FailureClass.forStatus(status), "HTTP " + status + ": " + excerpt(body, length));
      return;
    }
    scanned(
        request,
        phase,
        intendedNanos,
        sendNanos,
        endNanos,
        validator.check(body, length, request.inputs(), true));
  }

  private static String excerpt(byte[] body, int length) {
    // At most four bytes a character in UTF-8: enough bytes for the excerpt, never the whole of a
    // long body.
    String text =
        new String(body, 0, Math.min(length, ERROR_DETAIL_CHARS * 4), StandardCharsets.UTF_8);
    return text.length() <= ERROR_DETAIL_CHARS
        ? text
        : text.substring(0, ERROR_DETAIL_CHARS) + "...";
  }
}
