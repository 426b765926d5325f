package dev.embedbench.backends.qwen3.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import java.util.ArrayList;
import java.util.List;

/**
 * The Qwen3 decoder on DJL NDArrays, with last-token pooling and L2 normalisation, following
 * transformers' modeling_qwen3: RMSNorm in fp32; q/k RMSNorm over head_dim before half-split RoPE;
 * grouped-query attention by repeat-interleave of the kv heads; causal plus padding mask added as a
 * finite negative; softmax in fp32; SwiGLU MLP; final norm.
 *
 * <p>The residual stream stays in fp32 on every device: on GPU only the matmul inputs and weights
 * are fp16, so the large activations some layers produce cannot overflow fp16's range between
 * layers.
 *
 * <p>Batches are padded on the right with the end-of-text id: every sequence then has positions
 * 0..n-1 without per-row position ids, a padded query row still sees its real keys (so no row is
 * fully masked), and pooling gathers each row's last real token.
 *
 * <p>Memory: weights live in the model's manager; each call opens a sub-manager for the batch and
 * one per layer, so intermediates are freed layer by layer and nothing outlives the call. Not
 * thread-safe: one inference thread per model.
 */
public final class Qwen3Model implements AutoCloseable {

  /** Added to masked scores; finite so that softmax of a fully masked row can never produce NaN. */
  static final float MASKED = -1e9f;

  /** Above this many score elements per layer, attention runs over blocks of query rows. */
  private static final long ATTENTION_BLOCK_ELEMENTS = 32L << 20;

  private final Qwen3Config config;
  private final Device device;
  private final DataType dataType;
  private final NDManager manager;
  private final NDArray embedTokens;
  private final List<LayerWeights> layers;
  private final NDArray finalNorm;
  private final int padId;

  private Qwen3Model(
      Qwen3Config config,
      Device device,
      DataType dataType,
      NDManager manager,
      NDArray embedTokens,
      List<LayerWeights> layers,
      NDArray finalNorm) {
    this.config = config;
    this.device = device;
    this.dataType = dataType;
    this.manager = manager;
    this.embedTokens = embedTokens;
    this.layers = layers;
    this.finalNorm = finalNorm;
    this.padId = config.eosTokenId();
  }

  /**
   * Loads weights onto {@code device}: fp32 on CPU, fp16 on GPU (norms and softmax still in fp32).
   */
  public static Qwen3Model load(Qwen3Checkpoint checkpoint, Device device) {
    return load(checkpoint, device, device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32);
  }

  /**
   * Loads with an explicit weight dtype: FLOAT32, or FLOAT16 (the GPU path; on CPU it lets tests
   * run that path's casts where no GPU is at hand, slowly).
   */
  public static Qwen3Model load(Qwen3Checkpoint checkpoint, Device device, DataType dataType) {
    if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT16) {
      throw new IllegalArgumentException("dataType must be FLOAT32 or FLOAT16, was " + dataType);
    }
    NDManager manager = NDManager.newBaseManager(device, "PyTorch");
    try {
      WeightLoader loader = new WeightLoader(manager, dataType);
      Qwen3Config config = checkpoint.config();
      NDArray embed = loader.load(checkpoint.tensor("embed_tokens.weight"));
      List<LayerWeights> layers = new ArrayList<>();
      for (int i = 0; i < config.numHiddenLayers(); i++) {
        String p = "layers." + i + ".";
        layers.add(
            new LayerWeights(
                loader.load(checkpoint.tensor(p + "input_layernorm.weight")),
                loader.loadRows(
                    checkpoint.tensor(p + "self_attn.q_proj.weight"),
                    checkpoint.tensor(p + "self_attn.k_proj.weight"),
                    checkpoint.tensor(p + "self_attn.v_proj.weight")),
                loader.load(checkpoint.tensor(p + "self_attn.q_norm.weight")),
                loader.load(checkpoint.tensor(p + "self_attn.k_norm.weight")),
                loader.load(checkpoint.tensor(p + "self_attn.o_proj.weight")),
                loader.load(checkpoint.tensor(p + "post_attention_layernorm.weight")),
                loader.loadRows(
                    checkpoint.tensor(p + "mlp.gate_proj.weight"),
                    checkpoint.tensor(p + "mlp.up_proj.weight")),
                loader.load(checkpoint.tensor(p + "mlp.down_proj.weight"))));
      }
      NDArray norm = loader.load(checkpoint.tensor("norm.weight"));
      return new Qwen3Model(config, device, dataType, manager, embed, layers, norm);
    } catch (RuntimeException | Error e) {
      manager.close();
      throw e;
    }
  }

  public Qwen3Config config() {
    return config;
  }

  public Device device() {
    return device;
  }

  public DataType dataType() {
    return dataType;
  }

  /**
   * Arrays alive in the model's manager and its children: constant between calls when nothing
   * leaks.
   */
  public int openArrayCount() {
    return manager.getManagedArrays().size();
  }

  /**
   * Embeds token sequences in one padded batch: one unit-length vector of hidden_size per sequence,
   * in order. Each sequence must be non-empty, within max_position_embeddings, with ids in the
   * vocabulary.
   */
  public float[][] embed(List<int[]> sequences) {
    int batch = sequences.size();
    if (batch == 0) {
      return new float[0][];
    }
    int length = 0;
    for (int[] sequence : sequences) {
      checkSequence(sequence);
      length = Math.max(length, sequence.length);
    }
    long[] ids = new long[batch * length];
    float[] padding = new float[batch * length];
    long[] lastTokens = new long[batch];
    for (int b = 0; b < batch; b++) {
      int[] sequence = sequences.get(b);
      for (int t = 0; t < length; t++) {
        boolean real = t < sequence.length;
        ids[b * length + t] = real ? sequence[t] : padId;
        padding[b * length + t] = real ? 0f : MASKED;
      }
      lastTokens[b] = (long) b * length + sequence.length - 1;
    }
    try (NDManager scope = manager.newSubManager()) {
      NDArray tokenIds = scope.create(ids, new Shape(batch, length));
      NDArray hidden =
          tokenIds
              .getNDArrayInternal()
              .embedding(tokenIds, embedTokens, SparseFormat.DENSE)
              .singletonOrThrow()
              .toType(DataType.FLOAT32, false);
      Rotary rotary = Rotary.create(scope, length, config.headDim(), config.ropeTheta(), dataType);
      NDArray mask = attentionMask(scope, padding, batch, length);
      for (LayerWeights layer : layers) {
        try (NDManager layerScope = scope.newSubManager()) {
          hidden.attach(layerScope);
          NDArray next = decoderLayer(layerScope, hidden, layer, rotary, mask, batch, length);
          next.attach(scope);
          hidden = next;
        }
      }
      NDArray rows = scope.create(lastTokens);
      NDArray flat = hidden.reshape((long) batch * length, config.hiddenSize());
      NDArray last =
          rows.getNDArrayInternal().embedding(rows, flat, SparseFormat.DENSE).singletonOrThrow();
      NDArray pooled = rmsNorm(last, finalNorm).toType(DataType.FLOAT32, false);
      float[] values = pooled.normalize(2, 1, 1e-12).toFloatArray();
      float[][] vectors = new float[batch][config.hiddenSize()];
      for (int b = 0; b < batch; b++) {
        System.arraycopy(values, b * config.hiddenSize(), vectors[b], 0, config.hiddenSize());
      }
      return vectors;
    }
  }

  private void checkSequence(int[] sequence) {
    if (sequence.length == 0) {
      throw new IllegalArgumentException("a sequence must hold at least one token");
    }
    if (sequence.length > config.maxPositionEmbeddings()) {
      throw new IllegalArgumentException(
          "a sequence must be at most max_position_embeddings="
              + config.maxPositionEmbeddings()
              + " tokens, was "
              + sequence.length);
    }
    for (int id : sequence) {
      if (id < 0 || id >= config.vocabSize()) {
        throw new IllegalArgumentException(
            "token ids must be in [0, vocab_size=" + config.vocabSize() + "), was " + id);
      }
    }
  }

  /** [B, 1, L, L] fp32: 0 where a query may attend, {@link #MASKED} for future or padding keys. */
  private static NDArray attentionMask(NDManager scope, float[] padding, int batch, int length) {
    float[] causal = new float[length * length];
    for (int i = 0; i < length; i++) {
      for (int j = i + 1; j < length; j++) {
        causal[i * length + j] = MASKED;
      }
    }
    NDArray causalMask = scope.create(causal, new Shape(1, 1, length, length));
    NDArray paddingMask = scope.create(padding, new Shape(batch, 1, 1, length));
    // Both masks at once add 2 x MASKED, still finite in fp32.
    return causalMask.add(paddingMask);
  }

  private NDArray decoderLayer(
      NDManager layerScope,
      NDArray hidden,
      LayerWeights w,
      Rotary rotary,
      NDArray mask,
      int batch,
      int length) {
    int heads = config.numAttentionHeads();
    int kvHeads = config.numKeyValueHeads();
    int headDim = config.headDim();
    NDArray normed = rmsNorm(hidden, w.inputNorm());
    NDList qkv =
        linear(normed, w.qkv())
            .split(new long[] {(long) heads * headDim, (long) (heads + kvHeads) * headDim}, 2);
    NDArray q = rotary.apply(rmsNorm(qkv.get(0).reshape(batch, length, heads, headDim), w.qNorm()));
    NDArray k =
        rotary.apply(rmsNorm(qkv.get(1).reshape(batch, length, kvHeads, headDim), w.kNorm()));
    NDArray v = qkv.get(2).reshape(batch, length, kvHeads, headDim);
    int groups = heads / kvHeads;
    if (groups > 1) {
      k = k.repeat(2, groups);
      v = v.repeat(2, groups);
    }
    // [B, H, L, D]; the 1/sqrt(head_dim) scale goes on q, the smaller operand.
    q = q.transpose(0, 2, 1, 3).mul(1.0 / Math.sqrt(headDim));
    NDArray keysT = k.transpose(0, 2, 3, 1);
    NDArray values = v.transpose(0, 2, 1, 3);
    NDArray attended =
        attention(layerScope, q, keysT, values, mask, batch, heads, length)
            .transpose(0, 2, 1, 3)
            .reshape(batch, length, (long) heads * headDim);
    NDArray afterAttention =
        hidden.add(linear(attended, w.output()).toType(DataType.FLOAT32, false));
    NDList gateUp =
        linear(rmsNorm(afterAttention, w.postAttentionNorm()), w.gateUp())
            .split(new long[] {config.intermediateSize()}, 2);
    NDArray activated = Activation.swish(gateUp.get(0), 1f).mul(gateUp.get(1));
    return afterAttention.add(linear(activated, w.down()).toType(DataType.FLOAT32, false));
  }

  /**
   * softmax(q kᵀ + mask) v with scores and softmax in fp32, over blocks of query rows when large.
   */
  private NDArray attention(
      NDManager layerScope,
      NDArray q,
      NDArray keysT,
      NDArray values,
      NDArray mask,
      int batch,
      int heads,
      int length) {
    long perRow = (long) batch * heads * length;
    int blockRows = (int) Math.max(1, Math.min(length, ATTENTION_BLOCK_ELEMENTS / perRow));
    if (blockRows >= length) {
      return attentionBlock(q, keysT, values, mask);
    }
    List<NDArray> blocks = new ArrayList<>();
    for (int start = 0; start < length; start += blockRows) {
      int end = Math.min(length, start + blockRows);
      NDArray qBlock = q.get(new NDIndex(":, :, {}:{}, :", start, end));
      NDArray maskBlock = mask.get(layerScope, new NDIndex(":, :, {}:{}, :", start, end));
      blocks.add(attentionBlock(qBlock, keysT, values, maskBlock));
    }
    return NDArrays.concat(new NDList(blocks), 2);
  }

  private NDArray attentionBlock(NDArray q, NDArray keysT, NDArray values, NDArray mask) {
    NDArray scores = q.matMul(keysT).toType(DataType.FLOAT32, false).add(mask);
    NDArray probabilities = scores.softmax(3).toType(dataType, false);
    return probabilities.matMul(values);
  }

  /** x / sqrt(mean(x², last axis) + eps) in fp32, cast back, times the weight. */
  NDArray rmsNorm(NDArray x, NDArray weight) {
    NDArray x32 = x.toType(DataType.FLOAT32, false);
    int lastAxis = x.getShape().dimension() - 1;
    NDArray meanSquare = x32.square().mean(new int[] {lastAxis}, true);
    NDArray normalized = x32.div(meanSquare.add(config.rmsNormEps()).sqrt());
    return normalized.toType(dataType, false).mul(weight);
  }

  private static NDArray linear(NDArray x, NDArray weight) {
    return x.getNDArrayInternal().linear(x, weight, null).singletonOrThrow();
  }

  @Override
  public void close() {
    manager.close();
  }
}
