package dev.embedbench.backends.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The providers this build has, by {@code type}, found with {@link ServiceLoader} in the order of
 * {@code META-INF/services/dev.embedbench.backends.spi.BackendProvider}.
 */
public final class BackendProviders {

  private static final Map<String, BackendProvider> BY_TYPE = load();

  private BackendProviders() {}

  public static Optional<BackendProvider> find(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }

  public static List<String> types() {
    return List.copyOf(BY_TYPE.keySet());
  }

  /** The types for a message: {@code remote, emulated and in-process}. */
  public static String describeTypes() {
    List<String> types = new ArrayList<>(BY_TYPE.keySet());
    if (types.size() < 2) {
      return String.join("", types);
    }
    String last = types.remove(types.size() - 1);
    return String.join(", ", types) + " and " + last;
  }

  private static Map<String, BackendProvider> load() {
    Map<String, BackendProvider> byType = new LinkedHashMap<>();
    for (BackendProvider provider :
        ServiceLoader.load(BackendProvider.class, BackendProviders.class.getClassLoader())) {
      BackendProvider previous = byType.putIfAbsent(provider.type(), provider);
      if (previous != null) {
        throw new IllegalStateException(
            "two backend providers for type '"
                + provider.type()
                + "': "
                + previous.getClass().getName()
                + " and "
                + provider.getClass().getName());
      }
    }
    return byType;
  }
}
