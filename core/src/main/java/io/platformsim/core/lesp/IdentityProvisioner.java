package io.platformsim.core.lesp;

import io.platformsim.core.engine.Simulation;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.cert.Certificate;
import io.platformsim.identity.cert.CertificateAuthority;
import io.platformsim.identity.ipam.AddressPool;
import io.platformsim.identity.ipam.Allocation;
import io.platformsim.identity.ipam.Exhaustion;
import io.platformsim.identity.ipam.MachineAddressing;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Machine-granular identity on LeSP (issue 6, configured by {@link LespIdentity}): one address per
 * machine from the configured network, launches waiting first-come first-served when every subnet
 * is full; one certificate per machine from a single authority (queued when it is saturated),
 * renewed if configured; one role per service. It binds what it hands out to the {@link Machine}
 * and tells the lifecycle, through {@link AddressAssigned}, when a waiting launch got an address.
 */
final class IdentityProvisioner {

  /** Hears that a launch which waited for an address now has one (bound to the machine). */
  @FunctionalInterface
  interface AddressAssigned {
    void assigned(ServicePool pool, Machine m, double healthFailure);
  }

  /** A launch waiting for an address. */
  private record AddressWait(ServicePool pool, Machine machine, double healthFailure) {}

  private final Simulation sim;
  private final LespIdentity config;
  private final MachineAddressing addressing;
  private final CertificateAuthority authority;
  private final ArrayDeque<AddressWait> waiters = new ArrayDeque<>();
  private final AddressAssigned afterWait;

  IdentityProvisioner(Simulation sim, LespIdentity config, AddressAssigned afterWait) {
    this.sim = sim;
    this.config = config;
    this.afterWait = afterWait;
    this.addressing = new MachineAddressing(config.network());
    this.authority =
        config.authorityCapacityPerSecond() == 0
            ? CertificateAuthority.unlimited()
            : CertificateAuthority.withCapacity(config.authorityCapacityPerSecond());
  }

  /**
   * Gives {@code m} an address now and returns true; or, when every subnet is full, records the
   * exhaustion (the allocator does), queues the launch and returns false.
   */
  boolean assignAddress(ServicePool pool, Machine m, double healthFailure) {
    Allocation a = addressing.allocate(m.name(), sim.now());
    if (!a.isGranted()) {
      // Address exhaustion: the machine waits in REQUESTED, unbilled, until a terminating
      // machine frees an address.
      waiters.add(new AddressWait(pool, m, healthFailure));
      return false;
    }
    bind(m, a);
    return true;
  }

  private static void bind(Machine m, Allocation a) {
    m.address = a.address();
    m.identity(m.identity().withAddress(a.address(), a.source()));
  }

  /** Returns a terminated machine's address and hands free addresses to waiting launches, FIFO. */
  void releaseAddress(Machine m) {
    if (m.address != AddressPool.NONE) {
      addressing.release(m.address);
      m.address = AddressPool.NONE;
    }
    while (!waiters.isEmpty() && addressing.free() > 0) {
      AddressWait w = waiters.poll();
      if (w.machine().state() != MachineState.REQUESTED) {
        continue; // retired while waiting
      }
      bind(w.machine(), addressing.allocate(w.machine().name(), sim.now()));
      afterWait.assigned(w.pool(), w.machine(), w.healthFailure());
    }
  }

  /** Requests a certificate for {@code m} now; returns its issue time; schedules its renewal. */
  long issueCertificate(Machine m) {
    Certificate c = authority.issue(m.identity().certificate(), config.certificates(), sim.now());
    m.identity(m.identity().withCertificate(c));
    if (config.renewCertificates()) {
      m.renewalEvent = sim.scheduleAt(c.renewAtMillis(), () -> issueCertificate(m));
    }
    return c.issuedAtMillis();
  }

  /** Every refused address request, oldest first. */
  List<Exhaustion> exhaustions() {
    return addressing.exhaustions();
  }

  /** Launches waiting for an address now. */
  int waiting() {
    int n = 0;
    for (AddressWait w : waiters) {
      if (w.machine().state() == MachineState.REQUESTED) {
        n++;
      }
    }
    return n;
  }

  /**
   * Identity figures now over {@code pools}' live machines (see {@code
   * LespPlatform#identityMetrics}).
   */
  IdentityMetrics metrics(Collection<ServicePool> pools) {
    Map<String, List<String>> hosts = new LinkedHashMap<>();
    Map<String, Set<String>> needs = new LinkedHashMap<>();
    int holders = 0;
    for (ServicePool p : pools) {
      for (Machine m : p.machines) {
        hosts.put(m.name(), List.of(m.service()));
        Certificate c = m.identity().issued();
        if (c != null && c.validAt(sim.now())) {
          holders++;
        }
      }
      needs.put(p.service.name(), config.resourcesOf(p.service.name()));
    }
    return new IdentityMetrics(
        addressing.counts(),
        authority.stats(),
        null,
        pools.size(),
        holders,
        IdentityMode.MACHINE_ROLE.graph(hosts, needs).report());
  }

  @Override
  public String toString() {
    return "IdentityProvisioner[" + addressing.counts() + ", waiting=" + waiting() + "]";
  }
}
