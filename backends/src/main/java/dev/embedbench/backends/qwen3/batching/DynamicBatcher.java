package dev.embedbench.backends.qwen3.batching;

import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dynamic batching on one inference thread. Callers (Vert.x event loops) enqueue and return at
 * once; the thread takes the oldest request, waits at most {@code maxBatchDelayMicros} for others
 * while the batch is short, drains whatever else is queued (up to a window of a few batches),
 * tokenises, sorts the inputs of the window by length to limit padding, and runs forward passes
 * within the size and token budgets. Each request's future completes on the Vert.x context it was
 * submitted from.
 */
public final class DynamicBatcher implements AutoCloseable {

  /** Inputs of this many batches are sorted together by length. */
  private static final int WINDOW_BATCHES = 4;

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final BatchSettings settings;
  private final BatchListener listener;
  private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedInputs = new AtomicInteger();
  private final AtomicLong batchesRun = new AtomicLong();
  private final AtomicLong inputsRun = new AtomicLong();
  private final Thread thread;
  private volatile boolean ready;
  private volatile boolean closed;
  private Callable<InferenceRunner> loader;
  private Promise<Void> started;
  private Context startContext;

  public DynamicBatcher(String threadName, BatchSettings settings, BatchListener listener) {
    this.settings = settings;
    this.listener = listener;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /**
   * Starts the inference thread, which first runs {@code loader} (load and warm up) and then
   * serves. The future completes, on the caller's context, once the loader has returned.
   */
  public synchronized Future<Void> start(Callable<InferenceRunner> loader) {
    if (this.loader != null) {
      throw new IllegalStateException("start may be called once");
    }
    this.loader = loader;
    this.started = Promise.promise();
    this.startContext = Vertx.currentContext();
    thread.start();
    return started.future();
  }

  public boolean ready() {
    return ready && !closed;
  }

  /** Inputs waiting for the inference thread. */
  public int queuedInputs() {
    return queuedInputs.get();
  }

  /** Forward passes run since start. */
  public long batchesRun() {
    return batchesRun.get();
  }

  /** Inputs embedded since start. */
  public long inputsRun() {
    return inputsRun.get();
  }

  /** Enqueues one request; never blocks. Fails at once with 429 when the queue is full. */
  public Future<EmbeddingResult> submit(List<EmbeddingInput> inputs) {
    Request request = new Request(inputs, Vertx.currentContext());
    if (closed || !ready) {
      return Future.failedFuture(
          new ApiException(ApiError.unavailable("The model is not loaded yet.")));
    }
    int size = inputs.size();
    int queued = queuedInputs.addAndGet(size);
    // An oversized request is let in when the queue is otherwise empty, so it can never starve.
    if (queued > settings.maxQueuedInputs() && queued != size) {
      queuedInputs.addAndGet(-size);
      return Future.failedFuture(
          new ApiException(
              ApiError.overloaded(
                  "The model's queue is full ("
                      + settings.maxQueuedInputs()
                      + " inputs); retry shortly."),
              RETRY_AFTER));
    }
    queue.add(request);
    return request.promise.future();
  }

  private void run() {
    InferenceRunner runner;
    try {
      runner = loader.call();
    } catch (Throwable e) {
      closed = true;
      settle(startContext, () -> started.fail(e));
      return;
    }
    ready = true;
    settle(startContext, () -> started.complete());
    try {
      while (!closed) {
        List<Request> window = collect();
        if (!window.isEmpty()) {
          process(runner, window);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ready = false;
      failQueued();
      runner.close();
    }
  }

  private List<Request> collect() throws InterruptedException {
    List<Request> window = new ArrayList<>();
    Request first = queue.poll(100, TimeUnit.MILLISECONDS);
    if (first == null) {
      return window;
    }
    window.add(first);
    int inputs = first.inputs.size();
    long deadline = System.nanoTime() + settings.maxBatchDelayMicros() * 1_000;
    while (inputs < settings.maxBatchSize()) {
      long waitNanos = deadline - System.nanoTime();
      Request next = waitNanos > 0 ? queue.poll(waitNanos, TimeUnit.NANOSECONDS) : queue.poll();
      if (next == null) {
        break;
      }
      window.add(next);
      inputs += next.inputs.size();
    }
    Request next;
    while (inputs < settings.maxBatchSize() * WINDOW_BATCHES && (next = queue.poll()) != null) {
      window.add(next);
      inputs += next.inputs.size();
    }
    queuedInputs.addAndGet(-inputs);
    return window;
  }

  private void process(InferenceRunner runner, List<Request> window) {
    long now = System.nanoTime();
    List<Item> items = new ArrayList<>();
    for (Request request : window) {
      listener.dequeued(request.inputs.size(), now - request.enqueuedNanos);
      try {
        for (int i = 0; i < request.inputs.size(); i++) {
          request.tokens[i] = runner.tokens(request.inputs.get(i));
        }
      } catch (RuntimeException e) {
        request.fail(e);
        continue;
      }
      for (int i = 0; i < request.inputs.size(); i++) {
        items.add(new Item(request, i));
      }
    }
    items.sort(Comparator.comparingInt(Item::length));
    List<Item> batch = new ArrayList<>();
    for (Item item : items) {
      int size = batch.size() + 1;
      if (!batch.isEmpty()
          && (size > settings.maxBatchSize()
              || (long) size * item.length() > settings.maxBatchTokens())) {
        runBatch(runner, batch);
        batch = new ArrayList<>();
      }
      batch.add(item);
    }
    if (!batch.isEmpty()) {
      runBatch(runner, batch);
    }
  }

  private void runBatch(InferenceRunner runner, List<Item> batch) {
    List<int[]> sequences = new ArrayList<>(batch.size());
    int realTokens = 0;
    int longest = 0;
    for (Item item : batch) {
      sequences.add(item.tokens());
      realTokens += item.length();
      longest = Math.max(longest, item.length());
    }
    long startNanos = System.nanoTime();
    float[][] vectors;
    try {
      vectors = runner.embed(sequences);
    } catch (RuntimeException e) {
      for (Item item : batch) {
        item.request.fail(e);
      }
      return;
    }
    listener.batchRan(
        batch.size(), realTokens, batch.size() * longest, System.nanoTime() - startNanos);
    batchesRun.incrementAndGet();
    inputsRun.addAndGet(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).request.deliver(batch.get(i).index, vectors[i]);
    }
  }

  private void failQueued() {
    Request request;
    while ((request = queue.poll()) != null) {
      queuedInputs.addAndGet(-request.inputs.size());
      request.fail(new ApiException(ApiError.unavailable("The model backend is shutting down.")));
    }
  }

  /** Stops the inference thread after its current batch; queued requests fail with 503. */
  @Override
  public void close() {
    closed = true;
    if (thread.isAlive() && Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.MINUTES.toMillis(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    failQueued();
  }

  private static void settle(Context context, Runnable action) {
    if (context != null) {
      context.runOnContext(ignored -> action.run());
    } else {
      action.run();
    }
  }

  private record Item(Request request, int index) {
    int[] tokens() {
      return request.tokens[index];
    }

    int length() {
      return request.tokens[index].length;
    }
  }

  /** One caller's inputs; touched by the inference thread only after it leaves the queue. */
  private static final class Request {
    final List<EmbeddingInput> inputs;
    final Context context;
    final long enqueuedNanos = System.nanoTime();
    final Promise<EmbeddingResult> promise = Promise.promise();
    final int[][] tokens;
    final float[][] vectors;
    int remaining;
    boolean failed;

    Request(List<EmbeddingInput> inputs, Context context) {
      this.inputs = inputs;
      this.context = context;
      this.tokens = new int[inputs.size()][];
      this.vectors = new float[inputs.size()][];
      this.remaining = inputs.size();
    }

    void deliver(int index, float[] vector) {
      if (failed) {
        return;
      }
      vectors[index] = vector;
      if (--remaining == 0) {
        int promptTokens = Arrays.stream(tokens).mapToInt(t -> t.length).sum();
        EmbeddingResult result = new EmbeddingResult(Arrays.asList(vectors), promptTokens);
        settle(context, () -> promise.complete(result));
      }
    }

    void fail(Throwable error) {
      if (failed) {
        return;
      }
      failed = true;
      settle(context, () -> promise.fail(error));
    }
  }
}
