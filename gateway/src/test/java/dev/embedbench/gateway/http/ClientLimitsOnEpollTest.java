package dev.embedbench.gateway.http;

import dev.embedbench.gateway.config.ServerTransport;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link ClientLimitsTest} with the server on epoll, the transport `serve` uses on Linux x86_64.
 */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class ClientLimitsOnEpollTest extends ClientLimitsTest {

  @Override
  Vertx serverVertx(Vertx testVertx) {
    return GatewayVertx.create(ServerTransport.NATIVE);
  }
}
