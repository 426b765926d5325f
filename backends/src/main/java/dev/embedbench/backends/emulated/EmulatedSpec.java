package dev.embedbench.backends.emulated;

import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.spi.BackendSpec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A target that the gateway emulates itself ({@code type: emulated}): it starts an emulated
 * OpenAI-compatible server on loopback with the given latency profile and talks to it over HTTP.
 * Figures through such a target are labelled emulated, never measured.
 *
 * @param profile the built-in profile name ({@code configs/profiles/<name>.yaml}) or null
 * @param profileFile the profile file, or null; exactly one of the two is set
 * @param loaded the profile, read and validated at load
 */
public record EmulatedSpec(String profile, Path profileFile, EmulatorProfile loaded)
    implements BackendSpec {

  public static final String TYPE = "emulated";

  public EmulatedSpec {
    if ((profile == null) == (profileFile == null)) {
      throw new IllegalArgumentException("exactly one of profile and profileFile must be set");
    }
    Objects.requireNonNull(loaded, "loaded");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<ModelInfo> declaredInfo() {
    return Optional.of(loaded.modelInfo());
  }

  /** The emulator returns unit vectors. */
  @Override
  public boolean normalized() {
    return true;
  }
}
