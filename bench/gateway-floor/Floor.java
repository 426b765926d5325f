import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Floors for the gateway: what a Vert.x 5 HTTP server costs per request with less and less work
 * behind it, on the same transport and event loops as the gateway. No routing, no JSON parsing, no
 * checks; every request's body is read (as the gateway does) and answered with the upstream's
 * bytes as they are.
 *
 * <pre>
 *   java -cp embedbench.jar Floor.java MODE PORT UPSTREAM_PORT ANSWER_FILE INSTANCES POOL_PER_LOOP
 * </pre>
 *
 * MODE: {@code static} answers ANSWER_FILE itself (the server alone); {@code vertx} proxies through
 * Vert.x's HttpClient, one per event loop (the server and client the gateway is built on);
 * {@code netty} proxies through a minimal Netty HTTP/1.1 keep-alive client per event loop (what a
 * leaner upstream client could reach). Listens on 127.0.0.1 only; runs until killed.
 */
public final class Floor {

  private static final String HOST = "127.0.0.1";
  private static final String PATH = "/v1/embeddings";

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int port = Integer.parseInt(args[1]);
    int upstreamPort = Integer.parseInt(args[2]);
    Buffer answer = Buffer.buffer(Files.readAllBytes(Path.of(args[3])));
    int instances = Integer.parseInt(args[4]);
    int poolPerLoop = Integer.parseInt(args[5]);
    if (!mode.equals("static") && !mode.equals("vertx") && !mode.equals("netty")) {
      throw new IllegalArgumentException("mode must be static, vertx or netty, was " + mode);
    }
    // The gateway asks for the native transport too (GatewayVertx); the run script records both.
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    System.out.println(
        "floor "
            + mode
            + " transport="
            + (vertx.isNativeTransportEnabled()
                ? Transport.nativeTransport().name() + " (native)"
                : "nio (" + vertx.unavailableNativeTransportCause() + ")"));
    for (int i = 0; i < instances; i++) {
      vertx
          .deployVerticle(new Server(mode, port, upstreamPort, answer, poolPerLoop))
          .await();
    }
    System.out.println("floor " + mode + " listening on " + HOST + ":" + port);
  }

  /** One HTTP server instance; Vert.x shares the port among instances, one per event loop. */
  private static final class Server extends VerticleBase {
    private final String mode;
    private final int port;
    private final int upstreamPort;
    private final Buffer answer;
    private final int poolPerLoop;
    private HttpClient vertxClient;
    private NettyPool nettyPool;

    Server(String mode, int port, int upstreamPort, Buffer answer, int poolPerLoop) {
      this.mode = mode;
      this.port = port;
      this.upstreamPort = upstreamPort;
      this.answer = answer;
      this.poolPerLoop = poolPerLoop;
    }

    @Override
    public Future<?> start() {
      if (mode.equals("vertx")) {
        // Created in start(), so the client's connections live on this verticle's event loop.
        vertxClient =
            vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(poolPerLoop));
      } else if (mode.equals("netty")) {
        nettyPool =
            new NettyPool(
                (VertxInternal) vertx,
                ((ContextInternal) context).nettyEventLoop(),
                upstreamPort,
                poolPerLoop);
      }
      return vertx
          .createHttpServer(new HttpServerOptions().setHost(HOST).setPort(port))
          .requestHandler(req -> req.body().onSuccess(body -> handle(req, body)))
          .listen();
    }

    private void handle(HttpServerRequest req, Buffer body) {
      switch (mode) {
        case "static" -> answerJson(req, answer);
        case "vertx" ->
            vertxClient
                .request(HttpMethod.POST, upstreamPort, HOST, PATH)
                .compose(up -> up.putHeader("content-type", "application/json").send(body))
                .compose(HttpClientResponse::body)
                .onSuccess(upstreamAnswer -> answerJson(req, upstreamAnswer))
                .onFailure(e -> req.response().setStatusCode(502).end());
        default ->
            nettyPool.send(
                body.getBytes(),
                upstreamAnswer -> {
                  if (upstreamAnswer == null) {
                    req.response().setStatusCode(502).end();
                  } else {
                    answerJson(req, Buffer.buffer(upstreamAnswer));
                  }
                });
      }
    }

    private static void answerJson(HttpServerRequest req, Buffer json) {
      req.response().putHeader("content-type", "application/json").end(json);
    }
  }

  /**
   * Keep-alive HTTP/1.1 connections to the upstream, all on one event loop (the server instance's),
   * one request per connection at a time; requests past {@code max} connections wait in order.
   * Only touched from that event loop, so it needs no locks.
   */
  private static final class NettyPool {
    private final VertxInternal vertx;
    private final EventLoop loop;
    private final int port;
    private final int max;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int open;

    /** A request waiting for a connection; its answer (null on failure) goes to {@code sink}. */
    private record Pending(byte[] body, Consumer<byte[]> sink) {}

    NettyPool(VertxInternal vertx, EventLoop loop, int port, int max) {
      this.vertx = vertx;
      this.loop = loop;
      this.port = port;
      this.max = max;
    }

    void send(byte[] body, Consumer<byte[]> sink) {
      Channel channel = idle.poll();
      if (channel != null) {
        write(channel, body, sink);
      } else if (open < max) {
        open++;
        connect(body, sink);
      } else {
        waiting.add(new Pending(body, sink));
      }
    }

    private void connect(byte[] body, Consumer<byte[]> sink) {
      new Bootstrap()
          .group(loop)
          // The channel class of the transport Vert.x runs on (epoll or NIO), as the gateway's.
          .channelFactory(vertx.transport().channelFactory(false))
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(
              new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel c) {
                  c.pipeline()
                      .addLast(
                          new HttpClientCodec(), new HttpObjectAggregator(1 << 20), new Reader());
                }
              })
          .connect(HOST, port)
          .addListener(
              (ChannelFuture f) -> {
                if (f.isSuccess()) {
                  write(f.channel(), body, sink);
                } else {
                  open--;
                  sink.accept(null);
                }
              });
    }

    private void write(Channel channel, byte[] body, Consumer<byte[]> sink) {
      channel.pipeline().get(Reader.class).sink = sink;
      DefaultFullHttpRequest request =
          new DefaultFullHttpRequest(
              HttpVersion.HTTP_1_1,
              io.netty.handler.codec.http.HttpMethod.POST,
              PATH,
              Unpooled.wrappedBuffer(body));
      request
          .headers()
          .set("host", HOST)
          .set("content-type", "application/json")
          .setInt("content-length", body.length);
      channel.writeAndFlush(request);
    }

    /** Hands the answer to the request that owns the connection, then frees or reuses it. */
    private final class Reader extends SimpleChannelInboundHandler<FullHttpResponse> {
      Consumer<byte[]> sink;

      @Override
      protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        byte[] answer = ByteBufUtil.getBytes(response.content());
        Consumer<byte[]> owner = sink;
        sink = null;
        Pending next = waiting.poll();
        if (next != null) {
          write(ctx.channel(), next.body(), next.sink());
        } else {
          idle.add(ctx.channel());
        }
        owner.accept(answer);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        // An upstream that closes a connection loses it from the pool; its request, if any, fails.
        open--;
        idle.remove(ctx.channel());
        if (sink != null) {
          Consumer<byte[]> owner = sink;
          sink = null;
          owner.accept(null);
        }
      }
    }
  }
}
