package io.platformsim.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.IdentityMetrics;
import org.junit.jupiter.api.Test;

/** A platform that does not implement {@link Platform#retire} says so, naming itself. */
class PlatformRetireDefaultTest {

  /** Implements what every platform must and nothing else; none of it is called. */
  private static final class Minimal implements Platform {
    @Override
    public String name() {
      return "bare metal";
    }

    @Override
    public void deploy(Service service) {}

    @Override
    public void apply(Release release) {}

    @Override
    public void inject(Failure failure) {}

    @Override
    public PlatformMetrics metrics() {
      throw new AssertionError();
    }

    @Override
    public IdentityMetrics identityMetrics() {
      throw new AssertionError();
    }

    @Override
    public void setLoad(String service, double factor) {}

    @Override
    public int inService(String service) {
      return 0;
    }

    @Override
    public boolean recovered(String service, long failedAtMillis) {
      return true;
    }

    @Override
    public PlatformSample sample(Demand demand) {
      throw new AssertionError();
    }

    @Override
    public StrandedCapacity stranded() {
      throw new AssertionError();
    }
  }

  @Test
  void theDefaultRetireThrowsNamingThePlatformAndTheService() {
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> new Minimal().retire("web"));
    assertEquals("bare metal cannot retire a service (asked to retire 'web')", e.getMessage());
  }
}
