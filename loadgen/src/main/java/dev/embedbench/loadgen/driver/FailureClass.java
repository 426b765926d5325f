package dev.embedbench.loadgen.driver;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** The classes that failed requests are counted under in results. */
public final class FailureClass {

  public static final String TIMEOUT = "timeout";
  public static final String CONNECTION_REFUSED = "connection_refused";
  public static final String CONNECTION_RESET = "connection_reset";
  public static final String INVALID_BODY = "invalid_body";

  /** Still in flight when the run ended (drain time over, or interrupted). */
  public static final String ABANDONED = "abandoned";

  public static final String OTHER = "other";

  private FailureClass() {}

  /** {@code http_<status>} for any status outside 2xx. */
  public static String forStatus(int status) {
    return "http_" + status;
  }

  public static String forThrowable(Throwable failure) {
    String name = failure.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    if (failure instanceof TimeoutException
        || name.contains("timeout")
        || message.contains("timeout")
        || message.contains("timed out")) {
      return TIMEOUT;
    }
    if (failure instanceof ConnectException
        || failure instanceof NoRouteToHostException
        || failure instanceof UnknownHostException
        || message.contains("connection refused")) {
      return CONNECTION_REFUSED;
    }
    if (failure instanceof HttpClosedException
        || failure instanceof ClosedChannelException
        || message.contains("reset")
        || message.contains("closed")
        || (failure instanceof IOException && message.contains("broken pipe"))) {
      return CONNECTION_RESET;
    }
    return OTHER;
  }
}
