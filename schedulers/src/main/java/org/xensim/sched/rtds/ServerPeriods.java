package org.xensim.sched.rtds;

// models rt_update_deadline() of sched_rt.c: its period grid, for counting budget misses
/**
 * Counts one vCPU's budget misses (not in Xen): the server periods, on the vCPU's deadline grid,
 * at whose end the vCPU was runnable (waiting or running) and had run for less than its budget
 * in that period. Run time is what RTDS charges: from the pass that picks the vCPU to the pass
 * that switches it out. The state is updated only at the vCPU's scheduling events and is
 * constant in between, so the periods that end between two events are settled in O(1) at the
 * second one.
 */
public final class ServerPeriods {
  /** End (deadline) of the period being tracked. */
  private long periodEnd;
  /** Run time in the tracked period up to {@link #accountedTo}. */
  private long served;
  private long accountedTo;
  private boolean runnable;
  private boolean running;
  private long misses;
  private long periodsEnded;

  /** Starts tracking at {@code now} with the period that ends at {@code firstDeadline}. */
  public void start(long now, long firstDeadline, boolean runnableNow) {
    periodEnd = firstDeadline;
    accountedTo = now;
    served = 0;
    runnable = runnableNow;
  }

  /** The vCPU became runnable (true) or not runnable (false) at {@code now}. */
  public void setRunnable(long now, boolean value, long period, long budget) {
    advance(now, period, budget);
    runnable = value;
  }

  /** The vCPU was picked to run (true) or switched out (false) at {@code now}. */
  public void setRunning(long now, boolean value, long period, long budget) {
    advance(now, period, budget);
    running = value;
  }

  /** Settles every period that ended at or before {@code now}. */
  public void advance(long now, long period, long budget) {
    if (now < accountedTo) {
      return;
    }
    if (periodEnd <= now) {
      if (running) {
        served += periodEnd - accountedTo;
      }
      periodsEnded++;
      if (runnable && served < budget) {
        misses++;
      }
      // The state was the same in every further whole period that ended by now.
      long more = (now - periodEnd) / period;
      if (more > 0) {
        periodsEnded += more;
        if (runnable && (running ? period : 0) < budget) {
          misses += more;
        }
      }
      accountedTo = periodEnd + more * period;
      periodEnd = accountedTo + period;
      served = 0;
    }
    if (running) {
      served += now - accountedTo;
    }
    accountedTo = now;
  }

  /** Measuring starts at {@code now}: forgets the periods settled before it. */
  public void measureStart(long now, long period, long budget) {
    advance(now, period, budget);
    misses = 0;
    periodsEnded = 0;
  }

  /** Budget misses so far (settled periods only). */
  public long misses() {
    return misses;
  }

  /** Server periods settled so far. */
  public long periodsEnded() {
    return periodsEnded;
  }
}
