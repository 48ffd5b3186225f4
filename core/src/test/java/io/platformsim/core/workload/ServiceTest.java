package io.platformsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceTest {

  @Test
  void builderCarriesEveryField() {
    Service s =
        Service.builder("zebra")
            .version("7")
            .instances(40)
            .request(Resources.of(1500, 3072))
            .usage(Resources.of(400, 1800))
            .artifactBytes(200_000_000)
            .startup(Duration.ofSeconds(15))
            .healthCheck(Duration.ofSeconds(20))
            .image(
                ImageDescription.of(
                    "zebra:7", new ImageLayer("sha256:os", 50), new ImageLayer("sha256:app", 70)))
            .placement(new PlacementNeeds(3, true, false))
            .build();
    assertEquals("zebra", s.name());
    assertEquals("7", s.version());
    assertEquals(40, s.instances());
    assertEquals(Resources.of(1500, 3072), s.request());
    assertEquals(Resources.of(400, 1800), s.usage());
    assertEquals(200_000_000L, s.artifactBytes());
    assertEquals(15_000, s.startupMillis());
    assertEquals(20_000, s.healthCheckMillis());
    assertEquals(120, s.image().totalBytes()); // 50 + 70
    assertEquals(3, s.placement().zoneSpread());
    assertEquals(41, s.withInstances(41).instances());
    assertEquals("8", s.withVersion("8").version());
  }

  @Test
  void badFieldsNameServiceFieldAndValue() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Service.builder("zebra").instances(0).build());
    assertTrue(
        e.getMessage().contains("zebra")
            && e.getMessage().contains("instances")
            && e.getMessage().contains("0"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Service.builder("zebra").startup(Duration.ofSeconds(-1)));
    assertTrue(
        e.getMessage().contains("startup") && e.getMessage().contains("PT-1S"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Service.builder("zebra").artifactBytes(-5).build());
    assertTrue(
        e.getMessage().contains("artifactBytes") && e.getMessage().contains("-5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Service.builder(" ").build());
    assertTrue(e.getMessage().contains("name"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Resources.of(-1, 0));
    assertTrue(
        e.getMessage().contains("milliCpu") && e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void resourcesArithmetic() {
    assertEquals(Resources.of(2000, 8192), Resources.ofCores(2, 8));
    assertEquals(Resources.of(1700, 3500), Resources.of(1500, 3000).plus(Resources.of(200, 500)));
    assertEquals(Resources.of(300, 600), Resources.of(100, 200).times(3));
    assertTrue(Resources.of(2000, 8192).fitsIn(Resources.ofCores(2, 8)));
    assertTrue(!Resources.of(2001, 10).fitsIn(Resources.ofCores(2, 8)));
  }

  @Test
  void releaseKindsAndValidation() {
    Release app = Release.app("zebra", "2");
    assertEquals(Release.Kind.APP, app.kind());
    assertEquals(0.0, app.healthCheckFailureProbability());
    Release img = Release.baseImage("zebra", "base-2");
    assertEquals(Release.Kind.BASE_IMAGE, img.kind());
    assertEquals(1.0, app.failingHealthCheck(1).healthCheckFailureProbability());
    var e = assertThrows(IllegalArgumentException.class, () -> app.failingHealthCheck(1.5));
    assertTrue(
        e.getMessage().contains("healthCheckFailureProbability") && e.getMessage().contains("1.5"));
  }

  @Test
  void workloadRejectsUnknownAndDuplicateNames() {
    Workload w = Workload.of(Service.builder("zebra").build(), Service.builder("yak").build());
    assertEquals("yak", w.service("yak").name());
    var e = assertThrows(IllegalArgumentException.class, () -> w.target(Release.app("gnu", "2")));
    assertTrue(e.getMessage().contains("'gnu'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Workload.of(Service.builder("zebra").build(), Service.builder("zebra").build()));
    assertTrue(e.getMessage().contains("duplicate") && e.getMessage().contains("zebra"));
  }
}
