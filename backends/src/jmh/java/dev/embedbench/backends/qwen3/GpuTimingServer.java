package dev.embedbench.backends.qwen3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one loaded model and times it on request, so that a driver can interleave its rounds with
 * another implementation's while both models stay loaded. Protocol: one command per line on stdin,
 * one JSON object per line on stdout.
 *
 * <pre>
 * time IDS_FILE BATCH TOKENS WARMUP ITERATIONS   -> {"event":"timed","latenciesNanos":[...]}
 * quit                                           -> exits
 * </pre>
 *
 * IDS_FILE holds BATCH x TOKENS token ids as little-endian int32, row after row: the same file the
 * peer reads, so both embed the same inputs. A latency is one {@link Qwen3Model#embed} call: ids to
 * the device, the forward pass, pooling, normalisation and the vectors back in Java arrays.
 */
final class GpuTimingServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Qwen3Model model;
  private final PrintStream out;

  GpuTimingServer(Qwen3Model model, PrintStream out) {
    this.model = model;
    this.out = out;
  }

  void serve() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.trim().split("\\s+");
      if (words[0].equals("quit")) {
        return;
      }
      ObjectNode reply = JSON.createObjectNode();
      try {
        if (!words[0].equals("time") || words.length != 6) {
          throw new IllegalArgumentException(
              "expected 'time IDS_FILE BATCH TOKENS WARMUP ITERATIONS' or 'quit', got '"
                  + line
                  + "'");
        }
        List<int[]> batch =
            readIds(Path.of(words[1]), Integer.parseInt(words[2]), Integer.parseInt(words[3]));
        long[] latencies = time(batch, Integer.parseInt(words[4]), Integer.parseInt(words[5]));
        reply.put("event", "timed");
        var array = reply.putArray("latenciesNanos");
        for (long latency : latencies) {
          array.add(latency);
        }
      } catch (RuntimeException | IOException e) {
        // One failed cell (out of memory, say) is reported and the next one still runs.
        reply.put("event", "error");
        reply.put("message", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      out.println(JSON.writeValueAsString(reply));
      out.flush();
    }
  }

  private long[] time(List<int[]> batch, int warmup, int iterations) {
    for (int i = 0; i < warmup; i++) {
      model.embed(batch);
    }
    long[] latencies = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long started = System.nanoTime();
      model.embed(batch);
      latencies[i] = System.nanoTime() - started;
    }
    return latencies;
  }

  static List<int[]> readIds(Path file, int batch, int tokens) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    long expected = (long) batch * tokens * Integer.BYTES;
    if (bytes.remaining() != expected) {
      throw new IllegalArgumentException(
          file
              + ": holds "
              + bytes.remaining()
              + " bytes, expected "
              + expected
              + " for "
              + batch
              + " x "
              + tokens
              + " int32 ids");
    }
    List<int[]> rows = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      int[] row = new int[tokens];
      for (int t = 0; t < tokens; t++) {
        row[t] = bytes.getInt();
      }
      rows.add(row);
    }
    return rows;
  }
}
