package dev.embedbench.gateway.config;

import dev.embedbench.backends.ModelInfo;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A target that the gateway emulates itself ({@code type: emulated}): it starts an emulated
 * OpenAI-compatible server on loopback with the given latency profile and talks to it over HTTP.
 * Figures through such a target are labelled emulated, never measured.
 *
 * @param profile a built-in profile name ({@code configs/profiles/<name>.yaml}) or null
 * @param profileFile a profile file, or null; exactly one of the two is set
 * @param info what the profile serves, read from the profile at load time, or null when the
 *     profile is read only at start
 */
public record EmulatedSpec(String profile, Path profileFile, ModelInfo info)
    implements TargetSpec {

  public static final String TYPE = "emulated";

  public EmulatedSpec {
    if ((profile == null) == (profileFile == null)) {
      throw new IllegalArgumentException("exactly one of profile and profileFile must be set");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<ModelInfo> declaredInfo() {
    return Optional.ofNullable(info);
  }

  /** The emulator returns unit vectors. */
  @Override
  public boolean normalized() {
    return true;
  }

  /** The profile as a person would name it: the built-in name or the file. */
  public String profileLabel() {
    return profile != null ? profile : Objects.toString(profileFile);
  }
}
