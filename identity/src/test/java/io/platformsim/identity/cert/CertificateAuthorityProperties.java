package io.platformsim.identity.cert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CertificateAuthorityProperties {

  /**
   * For any arrival pattern, no window of one second [t, t + 1000) holds more than {@code k}
   * issues; every issue comes at or after its request; issue order is FIFO (non-decreasing).
   */
  @Property(tries = 200)
  void issuanceNeverExceedsCapacity(
      @ForAll @IntRange(min = 1, max = 50) int k,
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 300) Integer> gaps) {
    CertificateAuthority ca = CertificateAuthority.withCapacity(k);
    List<Long> issues = new ArrayList<>();
    long t = 0;
    long previous = Long.MIN_VALUE;
    for (int gap : gaps) {
      t += gap % 7 == 0 ? 0 : gap; // many simultaneous requests: bursts
      long issue = ca.issueAt(t);
      assertTrue(issue >= t, "issued before requested");
      assertTrue(issue >= previous, "not FIFO");
      previous = issue;
      issues.add(issue);
    }
    // Sliding window over the sorted issue times: j − i + 1 issues within [issues[i], issues[i] +
    // 1000).
    int j = 0;
    for (int i = 0; i < issues.size(); i++) {
      while (j + 1 < issues.size() && issues.get(j + 1) < issues.get(i) + 1000) {
        j++;
      }
      assertTrue(j - i + 1 <= k, (j - i + 1) + " issues within 1 s at capacity " + k);
    }
  }

  /**
   * Work conservation: a request waits only if the authority is busy, i.e. never idles with work.
   */
  @Property(tries = 100)
  void aRequestWaitsOnlyBehindOthers(
      @ForAll @IntRange(min = 1, max = 20) int k,
      @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 500) Integer> gaps) {
    CertificateAuthority ca = CertificateAuthority.withCapacity(k);
    long t = 0;
    long previousIssue = -1_000_000;
    for (int gap : gaps) {
      t += gap;
      long issue = ca.issueAt(t);
      // Spacing of 1000 / k ms, rounded up to whole ms, bounds the wait behind the previous issue.
      long spacing = (1000 + k - 1) / k;
      assertTrue(issue == t || issue <= previousIssue + spacing, "idle with a waiting request");
      previousIssue = issue;
    }
  }
}
