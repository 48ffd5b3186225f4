package io.platformsim.core.kusp;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;

/**
 * What every pod stamped from one ReplicaSet (or DaemonSet) shares: the service it belongs to
 * (the DaemonSet's name for a DaemonSet pod), the ReplicaSet revision (0 for DaemonSet pods), its
 * image, request, QoS class and priority. Pods hold one shared instance instead of six fields.
 */
record PodKind(String service, int revision, ImageDescription image, Resources request, QosClass qos,
    int priority) {}
