package dev.embedbench.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where a run was measured: JVM, OS, cores, host and, when known, the embedbench git commit. */
public record EnvironmentInfo(
    String javaVersion,
    String javaVendor,
    String jvm,
    String os,
    String osVersion,
    String arch,
    int cores,
    long maxHeapMb,
    String hostname,
    String gitCommit) {

  /** Reads the environment; blocks briefly to ask git, so never call it on an event loop. */
  public static EnvironmentInfo capture(Path home) {
    return new EnvironmentInfo(
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        localHostname(),
        commitOf(home));
  }

  private static String localHostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String commitOf(Path home) {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "HEAD")
              .directory(home.toFile())
              .redirectErrorStream(true)
              .start();
      if (!git.waitFor(3, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return null;
      }
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
