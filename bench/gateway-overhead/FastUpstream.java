import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal OpenAI-compatible upstream for the overhead bench, used when the emulator's fast profile
 * is not available: it answers POST /v1/embeddings at once (no service time) with fixed 1024-dim
 * vectors in the requested encoding, and GET /health. Run from the CLI jar in source-file mode:
 * {@code java -cp cli/target/embedbench.jar bench/gateway-overhead/FastUpstream.java PORT}.
 */
public class FastUpstream extends VerticleBase {

  static final int DIMENSIONS = 1024;

  private final int port;

  FastUpstream(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(request -> {
          if (request.path().equals("/health")) {
            request.response().end("{\"status\":\"alive\"}");
            return;
          }
          request.body().onSuccess(body -> {
            EmbeddingsRequest parsed = EmbeddingsRequest.parse(body.getBytes());
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < parsed.inputs().size(); i++) {
              vectors.add(vector(i));
            }
            byte[] json = new EmbeddingsResponse(parsed.model(), vectors, 8 * vectors.size())
                .encode(parsed.encodingFormat());
            request.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(json));
          });
        })
        .listen(port, "127.0.0.1");
  }

  static float[] vector(int seed) {
    float[] v = new float[DIMENSIONS];
    for (int d = 0; d < DIMENSIONS; d++) {
      v[d] = (float) Math.sin(seed * 31 + d) / 32;
    }
    return v;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new FastUpstream(port), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("fast upstream on http://127.0.0.1:" + port))
        .onFailure(e -> {
          System.err.println("fast upstream failed: " + e.getMessage());
          System.exit(1);
        });
  }
}
