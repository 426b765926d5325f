package dev.embedbench.gateway.config;

/** Which network transport the gateway's Vert.x instance asks for ({@code server.transport}). */
public enum ServerTransport {
  /**
   * Linux's epoll through Netty's native library when it loads (about 2-5% less CPU per request
   * than NIO in the gateway A/B bench); NIO where it does not (another OS or architecture).
   */
  NATIVE,
  /** Java's NIO selector everywhere, for comparing against the native transport. */
  NIO
}
