package io.platformsim.fleet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.DefaultScenario;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.Requirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The node labels an imported pool carries for a required node affinity term. Each row is worked
 * out from upstream's requirement semantics (apimachinery pkg/labels/selector.go {@code
 * Requirement.Matches}: NotIn and DoesNotExist hold when the label is absent; Gt and Lt compare
 * integers strictly), and every row's labels are checked to meet the term.
 */
class KuspSideTest {

  static Stream<Arguments> terms() {
    return Stream.of(
        Arguments.of(
            NodeSelectorTerm.of(Requirement.in("disk", "ssd", "nvme")), Map.of("disk", "ssd")),
        Arguments.of(NodeSelectorTerm.of(Requirement.exists("gpu")), Map.of("gpu", "true")),
        Arguments.of(
            NodeSelectorTerm.of(Requirement.gt("memory-gib", 15)), Map.of("memory-gib", "16")),
        Arguments.of(
            NodeSelectorTerm.of(Requirement.lt("generation", 6)), Map.of("generation", "5")),
        Arguments.of(NodeSelectorTerm.of(Requirement.notIn("compute-type", "fargate")), Map.of()),
        Arguments.of(NodeSelectorTerm.of(Requirement.doesNotExist("spot")), Map.of()),
        // every pool spans the zones, so the zone is no pool label (some node is in zone b)
        Arguments.of(
            NodeSelectorTerm.of(
                Requirement.in(KuspSide.ZONE_LABEL, "b"),
                Requirement.in("kubernetes.io/arch", "amd64")),
            Map.of("kubernetes.io/arch", "amd64")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("terms")
  void labelsMeetingATerm(NodeSelectorTerm term, Map<String, String> expected) {
    Map<String, String> labels = KuspSide.labelsMeeting(term);
    assertEquals(expected, labels);
    NodePool pool = new NodePool("p", DefaultScenario.NODE, labels, List.of(), 1, 1, 1);
    assertTrue(KuspSide.meetsNodeAffinity(pool, List.of(term)));
  }

  @Test
  void theDefaultPoolMeetsNoTermOnALabelItLacks() {
    NodePool pool = new NodePool("p", DefaultScenario.NODE, Map.of(), List.of(), 1, 1, 1);
    assertTrue(KuspSide.meetsNodeAffinity(pool, List.of()));
    assertFalse(
        KuspSide.meetsNodeAffinity(
            pool, List.of(NodeSelectorTerm.of(Requirement.in("disk", "ssd")))));
    // a hostname names one node: no pool label meets it (the pods would wait for that node)
    NodeSelectorTerm host = NodeSelectorTerm.of(Requirement.in(KuspSide.HOSTNAME_LABEL, "node-7"));
    assertEquals(Map.of(), KuspSide.labelsMeeting(host));
    assertFalse(KuspSide.meetsNodeAffinity(pool, List.of(host)));
    // ORed terms: the second, on the pool's own instance type, is met
    assertTrue(
        KuspSide.meetsNodeAffinity(
            pool,
            List.of(
                NodeSelectorTerm.of(Requirement.in("disk", "ssd")),
                NodeSelectorTerm.of(
                    Requirement.in(NodePool.INSTANCE_TYPE_LABEL, DefaultScenario.NODE.name())))));
  }
}
