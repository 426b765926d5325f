package dev.embedbench.testsupport.env;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code embedbench.home} at the checkout for a whole test class, as the launcher does, so
 * that built-in profiles, workloads and configs resolve under it; restores the previous value
 * afterwards. Use with {@code @ExtendWith(RepositoryHome.class)}.
 */
public final class RepositoryHome implements BeforeAllCallback, AfterAllCallback {

  public static final String PROPERTY = "embedbench.home";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RepositoryHome.class);

  /** The checkout: surefire runs each module's tests in the module's directory. */
  public static Path path() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  /** Sets the property to the checkout until the returned value is closed. */
  public static SystemProperty set() {
    return SystemProperty.set(PROPERTY, path().toString());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(PROPERTY, set());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    context.getStore(NAMESPACE).remove(PROPERTY, SystemProperty.class).close();
  }
}
