package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AutoScalingDefaultsTest {

  @Test
  void targetTrackingUsesTheEc2Defaults() {
    // AWS EC2 Auto Scaling user guide, "Scaling cooldowns": default cooldown 300 s; CloudWatch
    // detailed monitoring publishes one-minute metrics, so evaluations are 60 s apart.
    assertEquals(
        new AutoScaling(0.6, 300_000, 60_000, 2, 8), AutoScaling.targetTracking(0.6, 2, 8));
  }
}
