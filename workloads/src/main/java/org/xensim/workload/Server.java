package org.xensim.workload;

import java.util.List;
import org.xensim.core.scenario.Fields;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.workload.dist.Distribution;
import org.xensim.workload.dist.Distributions;

/**
 * {@code server}: a request/response service, open loop. Requests arrive at the domain with
 * inter-arrival times drawn from {@code arrival} and each needs {@code service} of CPU work; they
 * wait in one FIFO queue shared by the domain's vCPUs (see {@link RequestQueue}). A blocked vCPU
 * is woken by an arrival, serves requests until the queue is empty, then blocks. Each served
 * request reports its response time (arrival to end of service).
 */
public final class Server extends WorkloadType {

  @Override
  public String type() {
    return "server";
  }

  @Override
  public String description() {
    return "open-loop requests (arrival, service) in a queue shared by the domain's vCPUs";
  }

  @Override
  protected List<String> ownKeys() {
    return List.of("arrival", "service");
  }

  @Override
  protected WorkloadFactory parseKeys(Fields f) {
    Distribution arrival = Distributions.parse(f, "arrival", true);
    Distribution service = Distributions.parse(f, "service", true);
    if (arrival == null || service == null
        || !Distributions.requirePositiveMean(arrival, f, "arrival")) {
      return null;
    }
    return n -> new RequestQueue(arrival, service, n).workers();
  }
}
