package org.xensim.core.host;


/**
 * The host: NUMA nodes, sockets, cores and hardware threads (pCPUs), numbered node by node,
 * socket by socket, core by core, thread by thread. Gives the cpumasks Xen's schedulers use.
 */
public final class Topology {
  private final int nodes;
  private final int socketsPerNode;
  private final int coresPerSocket;
  private final int threadsPerCore;
  private final int nrCpus;
  private final CpuMask[] siblings;
  private final CpuMask[] socketCpus;
  private final CpuMask[] nodeCpus;
  private final CpuMask all;

  public Topology(int nodes, int socketsPerNode, int coresPerSocket, int threadsPerCore) {
    if (nodes < 1 || socketsPerNode < 1 || coresPerSocket < 1 || threadsPerCore < 1) {
      throw new IllegalArgumentException("topology counts must be at least 1");
    }
    this.nodes = nodes;
    this.socketsPerNode = socketsPerNode;
    this.coresPerSocket = coresPerSocket;
    this.threadsPerCore = threadsPerCore;
    this.nrCpus = nodes * socketsPerNode * coresPerSocket * threadsPerCore;
    siblings = new CpuMask[nrCpus];
    socketCpus = new CpuMask[nrCpus];
    nodeCpus = new CpuMask[nodes];
    all = new CpuMask(nrCpus);
    all.set(0, nrCpus);
    int perSocket = coresPerSocket * threadsPerCore;
    int perNode = socketsPerNode * perSocket;
    for (int n = 0; n < nodes; n++) {
      nodeCpus[n] = range(n * perNode, perNode);
    }
    for (int c = 0; c < nrCpus; c++) {
      siblings[c] = range(c - c % threadsPerCore, threadsPerCore);
      socketCpus[c] = range(c - c % perSocket, perSocket);
    }
  }

  private static CpuMask range(int from, int count) {
    CpuMask b = new CpuMask();
    b.set(from, from + count);
    return b;
  }

  public int nrCpus() {
    return nrCpus;
  }

  public int nodes() {
    return nodes;
  }

  public int socketsPerNode() {
    return socketsPerNode;
  }

  public int coresPerSocket() {
    return coresPerSocket;
  }

  public int threadsPerCore() {
    return threadsPerCore;
  }

  /** All pCPUs of the host. Do not modify. */
  public CpuMask allCpus() {
    return all;
  }

  /** {@code cpu_to_node()}. */
  public int nodeOf(int cpu) {
    return cpu / (socketsPerNode * coresPerSocket * threadsPerCore);
  }

  /** {@code cpu_to_socket()}: the host-wide socket (package) number. */
  public int socketOf(int cpu) {
    return cpu / (coresPerSocket * threadsPerCore);
  }

  /** {@code cpu_to_core()}: the core number within its socket. */
  public int coreOf(int cpu) {
    return (cpu / threadsPerCore) % coresPerSocket;
  }

  /** The host-wide core number. */
  public int globalCoreOf(int cpu) {
    return cpu / threadsPerCore;
  }

  /** The thread number within its core (0 = the primary thread). */
  public int threadOf(int cpu) {
    return cpu % threadsPerCore;
  }

  /** {@code cpu_sibling_mask(cpu)}: the threads of cpu's core, cpu included. Do not modify. */
  public CpuMask siblingMask(int cpu) {
    return siblings[cpu];
  }

  /**
   * The threads of cpu's socket: Xen's {@code cpu_core_mask(cpu)}, despite its name. Do not
   * modify.
   */
  public CpuMask socketMask(int cpu) {
    return socketCpus[cpu];
  }

  /** {@code node_to_cpumask(node)}. Do not modify. */
  public CpuMask nodeMask(int node) {
    return nodeCpus[node];
  }

  /** The pCPUs of host-wide socket {@code socket}. */
  public CpuMask socketCpus(int socket) {
    return socketCpus[socket * coresPerSocket * threadsPerCore];
  }

  /** How far apart two pCPUs are, for migration costs. */
  public Distance distance(int from, int to) {
    if (from == to) {
      return Distance.SAME_CPU;
    }
    if (globalCoreOf(from) == globalCoreOf(to)) {
      return Distance.CORE;
    }
    if (socketOf(from) == socketOf(to)) {
      return Distance.SOCKET;
    }
    return nodeOf(from) == nodeOf(to) ? Distance.NODE : Distance.REMOTE_NODE;
  }

  /** Distance between two pCPUs: what a migration crosses. */
  public enum Distance {
    SAME_CPU,
    /** Another thread of the same core. */
    CORE,
    /** Another core of the same socket. */
    SOCKET,
    /** Another socket of the same NUMA node. */
    NODE,
    /** Another NUMA node. */
    REMOTE_NODE
  }

  @Override
  public String toString() {
    return nodes + " node(s) x " + socketsPerNode + " socket(s) x " + coresPerSocket
        + " core(s) x " + threadsPerCore + " thread(s) = " + nrCpus + " pCPUs";
  }
}
