package dev.embedbench.backends.qwen3.checkpoint;

import java.nio.ByteBuffer;

/**
 * The safetensors element types this backend reads and writes. Every type decodes to fp32 in Java:
 * DJL 0.36.0 crashes the JVM when it creates or converts a BFLOAT16 array, so BF16 never reaches
 * it.
 */
public enum DType {
  F32(4),
  F16(2),
  BF16(2);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  public int bytes() {
    return bytes;
  }

  /** Parses a safetensors {@code dtype}; null when this backend does not support it. */
  public static DType parse(String name) {
    for (DType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** Reads the element at the buffer's position (little-endian) and advances it. */
  public float read(ByteBuffer buffer) {
    switch (this) {
      case F32:
        return buffer.getFloat();
      case F16:
        return halfToFloat(buffer.getShort());
      case BF16:
        return Float.intBitsToFloat((buffer.getShort() & 0xffff) << 16);
      default:
        throw new AssertionError(this);
    }
  }

  /** Writes one element at the buffer's position (little-endian) and advances it. */
  public void write(ByteBuffer buffer, float value) {
    switch (this) {
      case F32:
        buffer.putFloat(value);
        break;
      case F16:
        buffer.putShort(floatToHalf(value));
        break;
      case BF16:
        buffer.putShort(floatToBfloat16(value));
        break;
      default:
        throw new AssertionError(this);
    }
  }

  /** IEEE 754 binary16 to binary32; exact (every half is a float). */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      // Subnormal half: mantissa * 2^-24, exact in fp32.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  /** binary32 to binary16, round to nearest even; overflow goes to infinity. */
  static short floatToHalf(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7fffff;
    if (exponent == 0xff) {
      return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0));
    }
    int halfExponent = exponent - 112;
    if (halfExponent >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (halfExponent <= 0) {
      if (halfExponent < -10) {
        return (short) sign;
      }
      int full = mantissa | 0x800000;
      int shift = 14 - halfExponent;
      int half = full >>> shift;
      int remainder = full & ((1 << shift) - 1);
      int halfway = 1 << (shift - 1);
      if (remainder > halfway || (remainder == halfway && (half & 1) != 0)) {
        half++;
      }
      return (short) (sign | half);
    }
    int half = (halfExponent << 10) | (mantissa >>> 13);
    int remainder = mantissa & 0x1fff;
    if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
      half++;
    }
    return (short) (sign | half);
  }

  /** binary32 to bfloat16, round to nearest even (NaN stays NaN). */
  static short floatToBfloat16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if ((bits & 0x7fffffff) > 0x7f800000) {
      return (short) ((bits >>> 16) | 0x40);
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }
}
