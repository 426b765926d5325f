package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer <key>} against the configured keys. Keys are compared as
 * SHA-256 digests with {@link MessageDigest#isEqual}, against every key without stopping early, so
 * the time taken says nothing about how much of a key matched or which key it was. Keys are never
 * logged and never echoed.
 */
final class ApiKeyAuth implements Handler<RoutingContext> {

  private static final String BEARER = "Bearer ";

  private final List<byte[]> keyDigests;

  /**
   * @param apiKeys the accepted keys; must not be empty (no keys means no auth handler at all)
   */
  ApiKeyAuth(List<String> apiKeys) {
    if (apiKeys.isEmpty()) {
      throw new IllegalArgumentException("apiKeys must not be empty");
    }
    this.keyDigests = apiKeys.stream().map(ApiKeyAuth::digest).toList();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null
        && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && accepts(header.substring(BEARER.length()).trim())) {
      ctx.next();
    } else {
      ctx.fail(new ApiException(ApiError.invalidApiKey()));
    }
  }

  boolean accepts(String presentedKey) {
    byte[] presented = digest(presentedKey);
    boolean match = false;
    for (byte[] key : keyDigests) {
      match |= MessageDigest.isEqual(key, presented);
    }
    return match;
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
