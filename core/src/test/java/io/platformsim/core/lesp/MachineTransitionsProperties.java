package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A machine's columnar transition log gives back exactly the moves it was told, in order. */
class MachineTransitionsProperties {

  @Property(tries = 100)
  void theLogReturnsEveryMoveInOrder(@ForAll @IntRange(min = 0, max = 40) int redeploys) {
    Machine m =
        new Machine(
            7,
            "zebra",
            InstanceType.of("m5.large", 2, 8, 0.096),
            new BaseImage("base", "1"),
            "1",
            "a",
            1_000);
    List<Transition> expected = new ArrayList<>();
    expected.add(
        new Transition(1_000, MachineState.REQUESTED, MachineState.REQUESTED, "requested"));
    // A walk allowed by MachineState.canMoveTo, redeploying as often as asked, so the log grows
    // past its initial capacity of ten entries.
    List<MachineState> walk =
        new ArrayList<>(
            List.of(
                MachineState.PENDING,
                MachineState.BOOTING,
                MachineState.CONVERGING,
                MachineState.DEPLOYING,
                MachineState.IN_SERVICE));
    for (int i = 0; i < redeploys; i++) {
      walk.addAll(List.of(MachineState.DRAINING, MachineState.DEPLOYING, MachineState.IN_SERVICE));
    }
    walk.addAll(List.of(MachineState.DRAINING, MachineState.TERMINATED));
    MachineState from = MachineState.REQUESTED;
    long t = 1_000;
    for (MachineState to : walk) {
      t += 17;
      String cause = "step " + expected.size();
      m.moveTo(to, t, cause);
      expected.add(new Transition(t, from, to, cause));
      from = to;
    }
    assertEquals(expected, m.transitions());
    assertEquals(1_000, m.requestedAtMillis());
    assertEquals(t, m.sinceMillis());
    assertEquals(MachineState.TERMINATED, m.state());
  }
}
