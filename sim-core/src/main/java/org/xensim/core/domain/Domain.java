package org.xensim.core.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.xensim.core.sched.SchedParams;

/** A guest domain: its vCPUs, its cpupool and its per-domain scheduler parameters. */
public final class Domain {
  private final int id;
  private final String name;
  private final int poolId;
  private final SchedParams params;
  private final List<VCpu> vcpus = new ArrayList<>();
  private final boolean idle;

  private Object schedPriv;

  public Domain(int id, String name, int poolId, SchedParams params, boolean idle) {
    this.id = id;
    this.name = name;
    this.poolId = poolId;
    this.params = params;
    this.idle = idle;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** Index of the cpupool the domain belongs to. */
  public int poolId() {
    return poolId;
  }

  /** Per-domain scheduler parameters as the scenario gave them ({@code weight}, {@code cap}, ...). */
  public SchedParams params() {
    return params;
  }

  /** True for Xen's idle domain, whose vCPUs are the per-pCPU idle vCPUs. */
  public boolean isIdle() {
    return idle;
  }

  public List<VCpu> vcpus() {
    return Collections.unmodifiableList(vcpus);
  }

  void addVcpu(VCpu v) {
    vcpus.add(v);
  }

  /** The scheduler's private per-domain object ({@code sched_priv}). */
  public Object schedPriv() {
    return schedPriv;
  }

  public void setSchedPriv(Object priv) {
    this.schedPriv = priv;
  }

  @Override
  public String toString() {
    return name;
  }
}
