package org.xensim.workload;

import java.util.ArrayList;
import java.util.List;
import org.xensim.core.scenario.Fields;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.core.workload.WorkloadProvider;

/**
 * Base of the workload types of this module: reads the type's own keys, then the keys every
 * type accepts (guest timer ticks, {@link GuestTicks}), and wraps the type's workloads with
 * ticks when a scenario asks for them.
 */
public abstract class WorkloadType implements WorkloadProvider {

  /** The keys of this type, without the common ones. */
  protected abstract List<String> ownKeys();

  /** Reads this type's keys; null after reporting a problem. */
  protected abstract WorkloadFactory parseKeys(Fields f);

  @Override
  public final List<String> keys() {
    List<String> all = new ArrayList<>(ownKeys());
    all.addAll(GuestTicks.KEYS);
    return all;
  }

  @Override
  public final WorkloadFactory parse(Fields f) {
    WorkloadFactory inner = parseKeys(f);
    GuestTicks ticks = GuestTicks.parse(f);
    if (inner == null || ticks == null) {
      return null;
    }
    return ticks.wrap(inner);
  }
}
