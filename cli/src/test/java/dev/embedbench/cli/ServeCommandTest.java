package dev.embedbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.gateway.http.GatewayVertx;
import dev.embedbench.testsupport.env.RepositoryHome;
import dev.embedbench.testsupport.env.SystemProperty;
import dev.embedbench.testsupport.net.Loopback;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve} refuses bad configuration with file, key and reason, and no stack trace; with a
 * good one it serves and prints the URL, the routes with their kind and a curl line.
 */
class ServeCommandTest {

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  static Run serve(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] full = new String[args.length + 1];
    full[0] = "serve";
    System.arraycopy(args, 0, full, 1, args.length);
    int code = cli.execute(full);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void invalidValueNamesFileKeyAndReason() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "server:\n  port: seventy\nroutes: []\n");
    Run run = serve("--config", file.toString());
    assertEquals(ServeCommand.EXIT_CONFIG, run.exitCode());
    assertTrue(run.err().contains(file.toString()), run.err());
    assertTrue(run.err().contains("server.port"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void missingFileIsAConfigError() {
    Path file = dir.resolve("absent.yaml");
    Run run = serve("--config", file.toString());
    assertEquals(ServeCommand.EXIT_CONFIG, run.exitCode());
    assertTrue(run.err().contains(file.toString()), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void defaultConfigResolvesAgainstEmbedbenchHome() {
    try (SystemProperty home = SystemProperty.set(RepositoryHome.PROPERTY, dir.toString())) {
      Run run = serve();
      assertEquals(ServeCommand.EXIT_CONFIG, run.exitCode());
      assertTrue(
          run.err().contains(dir.resolve("configs/gateway-demo.yaml").toString()), run.err());
    }
  }

  @Test
  void badPortIsRefusedBeforeStarting() throws IOException {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "routes: []\n");
    Run run = serve("--config", file.toString(), "--port", "70000");
    assertTrue(run.exitCode() != 0, run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void portInUseIsAMessageNotAStackTrace() throws IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Path file = dir.resolve("ok.yaml");
      Files.writeString(
          file,
          "routes:\n  - name: m\n    targets:\n      - type: remote\n"
              + "        url: http://127.0.0.1:9\n"
              + "        model: {name: m, dimensions: 4, max_input_tokens: 8}\n");
      Run run =
          serve("--config", file.toString(), "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(ServeCommand.EXIT_START, run.exitCode(), run.err());
      assertTrue(
          run.err().contains("could not start on 127.0.0.1:" + taken.getLocalPort()), run.err());
      assertTrue(run.err().contains("Address already in use"), run.err());
      assertFalse(run.err().contains("\tat "), run.err());
    }
  }

  @Test
  void startsServesAndPrintsRoutesWithTheirKind() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer upstream =
          Loopback.listen(vertx, request -> request.response().end("{\"status\":\"ok\"}"));
      Path file = dir.resolve("gateway.yaml");
      Files.writeString(
          file,
          "server: {host: 127.0.0.1, port: 8080, access_log: false,"
              + " drain_delay: 400ms, transport: nio}\n"
              + "routes:\n"
              + "  - name: remote-model\n"
              + "    aliases: [rm]\n"
              + "    targets:\n"
              + "      - type: remote\n"
              + "        url: http://127.0.0.1:"
              + upstream.actualPort()
              + "\n"
              + "        model: {name: remote-model, dimensions: 16, max_input_tokens: 512}\n");
      ServeCommand command = new ServeCommand();
      command.config = file;
      command.port = 0;
      command.instances = 2;
      StringWriter out = new StringWriter();
      ServeCommand.Started started = command.start(new PrintWriter(out, true));
      try {
        String banner = out.toString();
        assertTrue(banner.contains("listening on " + started.url()), banner);
        assertTrue(banner.contains("Transport: nio (native transport not asked for)\n"), banner);
        assertTrue(
            banner.matches(
                "(?s).*remote-model\\s+16 dims, max 512 tokens per input, kind: remote.*"),
            banner);
        assertTrue(banner.contains("aliases: rm"), banner);
        assertTrue(banner.contains("curl -s " + started.url() + "/v1/embeddings"), banner);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> models =
            http.send(
                HttpRequest.newBuilder(URI.create(started.url() + "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, models.statusCode());
        assertTrue(models.body().contains("\"kind\":\"remote\""), models.body());
      } finally {
        // What the shutdown hook runs on SIGTERM or Ctrl-C: a drain, /ready 503 while still
        // serving.
        StringWriter err = new StringWriter();
        Thread stopping = new Thread(() -> started.stop(new PrintWriter(err, true)));
        stopping.start();
        HttpClient http = HttpClient.newHttpClient();
        int readyStatus = 0;
        for (int i = 0; i < 100 && readyStatus != 503; i++) {
          readyStatus =
              http.send(
                      HttpRequest.newBuilder(URI.create(started.url() + "/ready")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode();
        }
        assertEquals(
            503, readyStatus, "/ready turns 503 during the drain while the server still answers");
        stopping.join(20_000);
        assertTrue(
            err.toString().contains("draining: /ready answers 503; serving for 400 ms more"),
            err.toString());
        assertTrue(err.toString().contains("stopped."), err.toString());
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutConfigServesTheDemoWithItsEmulatedModels() throws Exception {
    // Surefire runs in cli/; the demo config is at the repository root.
    SystemProperty home = RepositoryHome.set();
    ServeCommand command = new ServeCommand();
    command.port = 0;
    command.instances = 1;
    StringWriter out = new StringWriter();
    ServeCommand.Started started = command.start(new PrintWriter(out, true));
    try {
      String banner = out.toString();
      assertTrue(banner.contains("configs/gateway-demo.yaml"), banner);
      // The gateway ships epoll's library for Linux x86_64; elsewhere the banner says why not.
      String transport =
          isLinuxX86_64() ? "epoll (native)" : GatewayVertx.describeTransport(started.vertx());
      assertTrue(banner.contains("Transport: " + transport + "\n"), banner);
      for (String model : new String[] {"qwen3-embedding-0.6b", "qwen3-embedding-8b", "bge-m3"}) {
        assertTrue(banner.matches("(?s).*" + model + " .*kind: EMULATED.*"), banner);
      }
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(started.url() + "/v1/embeddings"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"model\":\"qwen3-embedding-0.6b\",\"input\":\"hello world\",\"dimensions\":256}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"object\":\"embedding\""), response.body());
      assertEquals(
          256, response.body().split("\"embedding\":\\[")[1].split("]")[0].split(",").length);
    } finally {
      started.stop(new PrintWriter(new StringWriter(), true));
      home.close();
    }
  }

  private static boolean isLinuxX86_64() {
    String arch = System.getProperty("os.arch");
    return System.getProperty("os.name").equals("Linux")
        && (arch.equals("amd64") || arch.equals("x86_64"));
  }
}
