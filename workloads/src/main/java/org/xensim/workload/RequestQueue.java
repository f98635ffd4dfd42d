package org.xensim.workload;

import org.xensim.core.engine.Timer;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.workload.dist.Distribution;
import org.xensim.workload.dist.DurationSampler;

/**
 * The request queue of one {@code server} domain, and its arrival process.
 *
 * <p>Arrivals are the domain's, not a vCPU's: inter-arrival times and service demands are drawn
 * at arrival from vCPU 0's streams {@code arrival} and {@code service}, so the request sequence
 * is the same whichever vCPU serves it and whatever the scheduler (common random numbers across
 * the schedulers compared). An arrival wakes the vCPU that has been idle longest, which takes
 * the request at once (it is then in service, though it may still wait for a pCPU); with no idle
 * vCPU the request waits in the queue. A vCPU that finishes a request takes the next one from the
 * queue, or blocks and becomes idle. Requests are conserved: {@code arrived = served + inService
 * + waiting} at every instant.
 */
public final class RequestQueue {
  private final Distribution arrivalDist;
  private final Distribution serviceDist;
  private final Worker[] workers;
  private DurationSampler interArrival;
  private DurationSampler service;
  private Timer arrivals;
  private long nextArrival;
  private int started;

  /** Waiting requests: arrival times and service demands, a ring buffer. */
  private long[] waitingArrival = new long[64];
  private long[] waitingService = new long[64];
  private int head;
  private int waiting;

  /** Idle (blocked) workers, longest idle first, a ring buffer. */
  private final int[] idle;
  private int idleHead;
  private int idleCount;

  private long arrived;
  private long served;

  RequestQueue(Distribution arrival, Distribution service, int nrVcpus) {
    this.arrivalDist = arrival;
    this.serviceDist = service;
    this.workers = new Worker[nrVcpus];
    this.idle = new int[nrVcpus];
    for (int i = 0; i < nrVcpus; i++) {
      workers[i] = new Worker(i);
    }
  }

  Workload[] workers() {
    return workers.clone();
  }

  /** Requests that have arrived so far. */
  public long arrived() {
    return arrived;
  }

  /** Requests whose service has ended. */
  public long served() {
    return served;
  }

  /** Requests taken by a vCPU and not yet done. */
  public long inService() {
    long n = 0;
    for (Worker w : workers) {
      if (w.busy) {
        n++;
      }
    }
    return n;
  }

  /** Requests waiting in the queue for a vCPU. */
  public long waiting() {
    return waiting;
  }

  private void arrive() {
    long now = nextArrival;
    arrived++;
    long demand = Math.max(1, service.sampleNs());
    if (idleCount > 0) {
      Worker w = workers[idle[idleHead]];
      idleHead = (idleHead + 1) % idle.length;
      idleCount--;
      w.take(now, demand);
      w.guest.unblock();
    } else {
      push(now, demand);
    }
    nextArrival = now + interArrival.sampleNs();
    arrivals.set(nextArrival);
  }

  private void push(long arrival, long demand) {
    if (waiting == waitingArrival.length) {
      long[] a = new long[waiting * 2];
      long[] s = new long[waiting * 2];
      for (int i = 0; i < waiting; i++) {
        int j = (head + i) % waitingArrival.length;
        a[i] = waitingArrival[j];
        s[i] = waitingService[j];
      }
      waitingArrival = a;
      waitingService = s;
      head = 0;
    }
    int tail = (head + waiting) % waitingArrival.length;
    waitingArrival[tail] = arrival;
    waitingService[tail] = demand;
    waiting++;
  }

  private void becomeIdle(Worker w) {
    idle[(idleHead + idleCount) % idle.length] = w.index;
    idleCount++;
  }

  /** One vCPU of the domain serving the queue. */
  final class Worker implements Workload {
    final int index;
    Guest guest;
    boolean busy;
    long currentArrival;

    Worker(int index) {
      this.index = index;
    }

    void take(long arrival, long demand) {
      busy = true;
      currentArrival = arrival;
      guest.addWork(demand);
    }

    @Override
    public void start(Guest g) {
      guest = g;
      becomeIdle(this);
      if (index == 0) {
        interArrival = arrivalDist.sampler(g.random("arrival"));
        service = serviceDist.sampler(g.random("service"));
        arrivals = g.newTimer(RequestQueue.this::arrive);
      }
      if (++started == workers.length) {
        nextArrival = interArrival.sampleNs();
        arrivals.set(nextArrival);
      }
    }

    @Override
    public void onWorkDone(Guest g) {
      long now = g.now();
      served++;
      busy = false;
      g.events().onRequestDone(g.vcpu(), now - currentArrival, now);
      if (waiting > 0) {
        long arrival = waitingArrival[head];
        long demand = waitingService[head];
        head = (head + 1) % waitingArrival.length;
        waiting--;
        take(arrival, demand);
      } else {
        g.block();
        becomeIdle(this);
      }
    }

    @Override
    public String toString() {
      return "server worker " + index + (busy ? " (busy)" : "");
    }
  }

  @Override
  public String toString() {
    return "queue: arrived " + arrived + ", served " + served + ", in service " + inService()
        + ", waiting " + waiting + ", idle vCPUs " + idleCount;
  }
}
