package dev.embedbench.backends.qwen3;

import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.TensorRef;
import java.nio.FloatBuffer;

/**
 * An independent Qwen3 embedding forward pass in plain Java doubles, one sequence at a time,
 * written from the transformers formulas (not from the DJL code): the yardstick for the DJL model.
 */
final class ReferenceQwen3 {

  private final Qwen3Config c;
  private final Qwen3Checkpoint checkpoint;

  ReferenceQwen3(Qwen3Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
    this.c = checkpoint.config();
  }

  private double[] tensor(String name) {
    TensorRef ref = checkpoint.tensor(name);
    FloatBuffer buffer = FloatBuffer.allocate((int) ref.elements());
    ref.readFloats(0, (int) ref.elements(), buffer);
    double[] out = new double[(int) ref.elements()];
    for (int i = 0; i < out.length; i++) {
      out[i] = buffer.get(i);
    }
    return out;
  }

  /** The L2-normalised last-token embedding of one token sequence. */
  double[] embed(int[] ids) {
    int n = ids.length;
    int d = c.hiddenSize();
    double[] embed = tensor("embed_tokens.weight");
    double[][] h = new double[n][d];
    for (int t = 0; t < n; t++) {
      System.arraycopy(embed, ids[t] * d, h[t], 0, d);
    }
    for (int layer = 0; layer < c.numHiddenLayers(); layer++) {
      h = layer(h, "layers." + layer + ".");
    }
    double[] last = rmsNorm(h[n - 1], tensor("norm.weight"));
    double norm = 0;
    for (double x : last) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < d; i++) {
      last[i] /= norm;
    }
    return last;
  }

  private double[][] layer(double[][] h, String p) {
    int n = h.length;
    int heads = c.numAttentionHeads();
    int kvHeads = c.numKeyValueHeads();
    int hd = c.headDim();
    double[] wq = tensor(p + "self_attn.q_proj.weight");
    double[] wk = tensor(p + "self_attn.k_proj.weight");
    double[] wv = tensor(p + "self_attn.v_proj.weight");
    double[] wo = tensor(p + "self_attn.o_proj.weight");
    double[] qNorm = tensor(p + "self_attn.q_norm.weight");
    double[] kNorm = tensor(p + "self_attn.k_norm.weight");
    double[] inNorm = tensor(p + "input_layernorm.weight");
    double[] postNorm = tensor(p + "post_attention_layernorm.weight");
    double[][][] q = new double[n][heads][];
    double[][][] k = new double[n][kvHeads][];
    double[][][] v = new double[n][kvHeads][];
    for (int t = 0; t < n; t++) {
      double[] x = rmsNorm(h[t], inNorm);
      double[] qt = matVec(wq, x, heads * hd);
      double[] kt = matVec(wk, x, kvHeads * hd);
      double[] vt = matVec(wv, x, kvHeads * hd);
      for (int head = 0; head < heads; head++) {
        q[t][head] = rope(rmsNorm(slice(qt, head * hd, hd), qNorm), t);
      }
      for (int head = 0; head < kvHeads; head++) {
        k[t][head] = rope(rmsNorm(slice(kt, head * hd, hd), kNorm), t);
        v[t][head] = slice(vt, head * hd, hd);
      }
    }
    double[][] out = new double[n][];
    int groups = heads / kvHeads;
    for (int i = 0; i < n; i++) {
      double[] concat = new double[heads * hd];
      for (int head = 0; head < heads; head++) {
        int kvHead = head / groups;
        double[] scores = new double[i + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= i; j++) {
          scores[j] = dot(q[i][head], k[j][kvHead]) / Math.sqrt(hd);
          max = Math.max(max, scores[j]);
        }
        double sum = 0;
        for (int j = 0; j <= i; j++) {
          scores[j] = Math.exp(scores[j] - max);
          sum += scores[j];
        }
        for (int j = 0; j <= i; j++) {
          for (int e = 0; e < hd; e++) {
            concat[head * hd + e] += scores[j] / sum * v[j][kvHead][e];
          }
        }
      }
      double[] attn = matVec(wo, concat, c.hiddenSize());
      double[] residual = new double[c.hiddenSize()];
      for (int e = 0; e < residual.length; e++) {
        residual[e] = h[i][e] + attn[e];
      }
      out[i] = residual;
    }
    double[] wg = tensor(p + "mlp.gate_proj.weight");
    double[] wu = tensor(p + "mlp.up_proj.weight");
    double[] wd = tensor(p + "mlp.down_proj.weight");
    for (int t = 0; t < n; t++) {
      double[] x = rmsNorm(out[t], postNorm);
      double[] g = matVec(wg, x, c.intermediateSize());
      double[] u = matVec(wu, x, c.intermediateSize());
      double[] a = new double[g.length];
      for (int e = 0; e < a.length; e++) {
        a[e] = g[e] / (1 + Math.exp(-g[e])) * u[e];
      }
      double[] down = matVec(wd, a, c.hiddenSize());
      for (int e = 0; e < down.length; e++) {
        out[t][e] += down[e];
      }
    }
    return out;
  }

  private double[] rope(double[] x, int position) {
    int half = x.length / 2;
    double[] out = new double[x.length];
    for (int i = 0; i < half; i++) {
      double angle = position * Math.pow(c.ropeTheta(), -2.0 * i / x.length);
      double cos = Math.cos(angle);
      double sin = Math.sin(angle);
      out[i] = x[i] * cos - x[i + half] * sin;
      out[i + half] = x[i + half] * cos + x[i] * sin;
    }
    return out;
  }

  private double[] rmsNorm(double[] x, double[] weight) {
    double meanSquare = 0;
    for (double value : x) {
      meanSquare += value * value;
    }
    meanSquare /= x.length;
    double scale = 1 / Math.sqrt(meanSquare + c.rmsNormEps());
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] * scale * weight[i];
    }
    return out;
  }

  /** y = W x for W stored [rows, x.length], row-major. */
  private static double[] matVec(double[] w, double[] x, int rows) {
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int i = 0; i < x.length; i++) {
        sum += w[r * x.length + i] * x[i];
      }
      y[r] = sum;
    }
    return y;
  }

  private static double[] slice(double[] x, int from, int length) {
    double[] out = new double[length];
    System.arraycopy(x, from, out, 0, length);
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
