package io.platformsim.core.experiment;

/**
 * The figures a comparison reports for each platform, with their report label, unit and the name
 * used in CSV and JSON. Fractions (allocation, usage, stranded) are stored as fractions in [0, 1]
 * and printed as percentages.
 */
public enum Figure {
  /** Time-weighted average number of billed machines (LeSP) or nodes (KuSP). */
  MACHINES("machines", "machines (time-weighted)", "", 1, false),
  /** Largest number of billed machines or nodes at once. */
  PEAK_MACHINES("peakMachines", "machines at peak", "", 0, false),
  /** Money spent on machines ÷ horizon in hours. */
  COST_PER_HOUR("costPerHour", "cost per hour", "USD", 2, false),
  /** Requested CPU of placed instances ÷ CPU of billed machines, time-weighted. */
  CPU_ALLOCATION("cpuAllocation", "CPU allocation", "%", 1, true),
  /** Requested memory of placed instances ÷ memory of billed machines, time-weighted. */
  MEMORY_ALLOCATION("memoryAllocation", "memory allocation", "%", 1, true),
  /** CPU used by in-service instances ÷ CPU of billed machines, time-weighted. */
  CPU_USAGE("cpuUsage", "CPU usage", "%", 1, true),
  /** Memory used by in-service instances ÷ memory of billed machines, time-weighted. */
  MEMORY_USAGE("memoryUsage", "memory usage", "%", 1, true),
  /**
   * Stranded CPU. LeSP: 1 − CPU allocation (a machine belongs to one service, so whatever its
   * instance does not request — agents included — no other service can use). KuSP: CPU free on
   * nodes whose memory is too full for any service's pod ({@code KuspMetrics.strandedCpu}).
   */
  STRANDED_CPU("strandedCpu", "stranded CPU", "%", 1, true),
  /** Stranded memory, defined as for {@link #STRANDED_CPU} with the resources swapped. */
  STRANDED_MEMORY("strandedMemory", "stranded memory", "%", 1, true),
  /** Median app-release rollout time (nearest rank). */
  APP_ROLLOUT_P50("appRolloutP50", "app rollout p50", "s", 0, false),
  /** 95th-percentile app-release rollout time. */
  APP_ROLLOUT_P95("appRolloutP95", "app rollout p95", "s", 0, false),
  /** Longest app-release rollout time. */
  APP_ROLLOUT_MAX("appRolloutMax", "app rollout max", "s", 0, false),
  /** Median base-image rollout time. */
  IMAGE_ROLLOUT_P50("imageRolloutP50", "base-image rollout p50", "s", 0, false),
  /** 95th-percentile base-image rollout time. */
  IMAGE_ROLLOUT_P95("imageRolloutP95", "base-image rollout p95", "s", 0, false),
  /** Longest base-image rollout time. */
  IMAGE_ROLLOUT_MAX("imageRolloutMax", "base-image rollout max", "s", 0, false),
  /** Median configuration-change rollout time (nearest rank). */
  CONFIG_ROLLOUT_P50("configRolloutP50", "config rollout p50", "s", 0, false),
  /** 95th percentile configuration-change rollout time (nearest rank). */
  CONFIG_ROLLOUT_P95("configRolloutP95", "config rollout p95", "s", 0, false),
  /** Longest configuration-change rollout. */
  CONFIG_ROLLOUT_MAX("configRolloutMax", "config rollout max", "s", 0, false),
  /** Median rollout time over all releases. */
  ROLLOUT_P50("rolloutP50", "rollout p50 (all)", "s", 0, false),
  /** 95th-percentile rollout time over all releases. */
  ROLLOUT_P95("rolloutP95", "rollout p95 (all)", "s", 0, false),
  /** Longest rollout over all releases. */
  ROLLOUT_MAX("rolloutMax", "rollout max (all)", "s", 0, false),
  /** Median per-instance deploy time (an instance's deploy start to in service), all rollouts. */
  INSTANCE_DEPLOY_P50("instanceDeployP50", "per-instance deploy p50", "s", 0, false),
  /** 95th-percentile per-instance deploy time. */
  INSTANCE_DEPLOY_P95("instanceDeployP95", "per-instance deploy p95", "s", 0, false),
  /** Rollouts still running at the horizon (counted in the times with their time so far). */
  UNFINISHED_ROLLOUTS("unfinishedRollouts", "rollouts unfinished", "", 1, false),
  /** Instance-hours of wanted capacity out of service during rollouts, all releases. */
  UNAVAILABLE_INSTANCE_HOURS(
      "unavailableInstanceHours", "unavailable during rollouts", "inst·h", 1, false),
  /** Largest number of one service's wanted instances out of service at once during a rollout. */
  MAX_UNAVAILABLE("maxUnavailable", "max instances unavailable", "", 1, false),
  /**
   * Load spike to enough in-service instances for the platform's own autoscaler target, in the main
   * run; absent on a platform where the spiked service does not autoscale.
   */
  SCALE_OUT_SECONDS("scaleOutSeconds", "time to scale out", "s", 0, false),
  /** Machine failure to the service back at full strength (longest, if several). */
  RECOVERY_SECONDS("recoverySeconds", "time to recover", "s", 0, false),
  // Identity figures (issue 6), at the horizon, read from each platform's own
  // Platform.identityMetrics(): LeSP one address, certificate and role per machine; KuSP one
  // address, certificate and service-account token per pod, roles by its KuspIdentity mode.
  /**
   * IP addresses in use at the horizon: LeSP one per machine; KuSP one per pod (DaemonSet pods use
   * the host network; VPC-native also counts each node's primary address).
   */
  ADDRESSES_USED("addressesUsed", "IP addresses used", "", 0, false),
  /**
   * Addresses held but idle at the horizon: KuSP the unused rest of each node's pod range (overlay)
   * or its warm pool (VPC-native); 0 on LeSP.
   */
  ADDRESSES_RESERVED("addressesReserved", "IP addresses reserved", "", 0, false),
  /** Addresses still free for new machines, nodes or pods at the horizon. */
  ADDRESSES_FREE("addressesFree", "IP addresses free", "", 0, false),
  /** Address requests refused over the horizon (subnet, node range or instance limit full). */
  ADDRESS_EXHAUSTIONS("addressExhaustions", "address exhaustion events", "", 0, false),
  /** Certificates issued over the horizon: per machine on LeSP, per pod on KuSP. */
  CERTIFICATES_ISSUED("certificatesIssued", "certificates issued", "", 0, false),
  /** Most certificates issued within one calendar minute. */
  CERTIFICATES_PEAK_PER_MINUTE("certificatesPeakPerMinute", "certificates peak", "/min", 0, false),
  /** Mean certificate authority queueing delay (issue − request) over all certificates. */
  AUTHORITY_DELAY("authorityDelayMillis", "authority queueing delay mean", "ms", 1, false),
  /** Service-account tokens issued over the horizon (KuSP only; LeSP has none). */
  TOKENS_ISSUED("tokensIssued", "service-account tokens issued", "", 0, false),
  /**
   * Distinct principals: LeSP a role per service; KuSP by mode (e.g. a role per service account and
   * per node).
   */
  PRINCIPALS("principals", "principals (roles)", "", 0, false),
  /** Identities holding a certificate at the horizon: machines on LeSP, pods on KuSP. */
  IDENTITIES("identities", "identities (credential holders)", "", 0, false),
  /** Mean over principals of the number of services whose resources the principal reaches. */
  BLAST_RADIUS_MEAN_PRINCIPAL(
      "blastRadiusMeanPrincipal", "blast radius mean (principal)", "services", 2, false),
  /** Largest number of services one principal reaches. */
  BLAST_RADIUS_MAX_PRINCIPAL(
      "blastRadiusMaxPrincipal", "blast radius max (principal)", "services", 1, false),
  /** Mean over hosts (machines, nodes) of the services all credentials on the host reach. */
  BLAST_RADIUS_MEAN("blastRadiusMean", "blast radius mean (host)", "services", 2, false),
  /**
   * Largest number of services one host's credentials reach: 1 on LeSP (a machine per service); on
   * KuSP with workload identity, the most services with pods on one node.
   */
  BLAST_RADIUS_MAX("blastRadiusMax", "blast radius max (host)", "services", 1, false),
  // Pricing figures (issue 15), reported only when the scenario buys something other than
  // on-demand; COST_PER_HOUR is their sum.
  /** On-demand spend (non-spot machine time beyond the reserved commitment) ÷ horizon in hours. */
  COST_ON_DEMAND_PER_HOUR("costOnDemandPerHour", "cost per hour, on-demand", "USD", 2, false),
  /** Spot spend (spot machine time at the spot price) ÷ horizon in hours. */
  COST_SPOT_PER_HOUR("costSpotPerHour", "cost per hour, spot", "USD", 2, false),
  /** The reserved commitment, billed used or not, ÷ horizon in hours. */
  COST_RESERVED_PER_HOUR("costReservedPerHour", "cost per hour, reserved", "USD", 2, false),
  /** Spot machines (LeSP) or nodes (KuSP) interrupted over the horizon. */
  SPOT_INTERRUPTIONS("spotInterruptions", "spot interruptions", "", 1, false),
  /**
   * Spontaneous host failures ({@code hostFailures}) that hit a host over the horizon; reported
   * only when the scenario has them. The draws are the same on every platform; a failure whose
   * service had no host up at that moment (all its instances already down) hits nothing and is not
   * counted, so the counts may differ by that.
   */
  HOST_FAILURES("hostFailures", "host failures", "", 1, false);

  private final String key;
  private final String label;
  private final String unit;
  private final int decimals;
  private final boolean fraction;

  Figure(String key, String label, String unit, int decimals, boolean fraction) {
    this.key = key;
    this.label = label;
    this.unit = unit;
    this.decimals = decimals;
    this.fraction = fraction;
  }

  /** The name in CSV and JSON, camelCase, e.g. {@code cpuAllocation}. */
  public String key() {
    return key;
  }

  /** The label in the text table. */
  public String label() {
    return label;
  }

  /** The unit as printed ({@code %} for fractions), possibly empty. */
  public String unit() {
    return unit;
  }

  /** Decimals when printed. */
  public int decimals() {
    return decimals;
  }

  /** Whether the value is a fraction printed as a percentage. */
  public boolean isFraction() {
    return fraction;
  }
}
