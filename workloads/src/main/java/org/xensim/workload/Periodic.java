package org.xensim.workload;

import java.util.List;
import org.xensim.core.engine.Timer;
import org.xensim.core.scenario.Fields;
import org.xensim.core.time.Time;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.workload.dist.Distribution;
import org.xensim.workload.dist.Distributions;
import org.xensim.workload.dist.DurationSampler;
import org.xensim.workload.dist.Fixed;

/**
 * {@code periodic}: a real-time task on each vCPU. Job {@code j} is released at exactly
 * {@code offset + j * period}, needs {@code wcet} of work (or a draw of {@code exec}, stream
 * {@code exec}) and is due at its release plus {@code deadline} (default the period). Jobs run
 * one after another in release order; the vCPU blocks when none is pending. A job still
 * unfinished after its deadline is a deadline miss, reported once, at the deadline (strictly
 * after it: a job done exactly at its deadline meets it); late jobs still run to completion.
 * Each completion reports the job's response time (release to completion).
 */
public final class Periodic extends WorkloadType {

  @Override
  public String type() {
    return "periodic";
  }

  @Override
  public String description() {
    return "a real-time job every period (wcet or an exec distribution), with a deadline";
  }

  @Override
  protected List<String> ownKeys() {
    return List.of("period", "wcet", "exec", "deadline", "offset");
  }

  @Override
  protected WorkloadFactory parseKeys(Fields f) {
    if (!f.has("period")) {
      f.problems().error(f.at("period"), null, "a duration above 0 such as 10ms");
    }
    long period = f.duration("period", -1);
    if (period == 0) {
      f.problems().error(f.at("period"), f.get("period"), "a duration above 0 such as 10ms");
    }
    Distribution exec = null;
    if (f.has("wcet") == f.has("exec")) {
      f.problems().error(f.path(), f.has("wcet") ? "both wcet and exec" : "neither wcet nor exec",
          "one of wcet (a duration) or exec (a distribution of execution times)");
    } else if (f.has("wcet")) {
      long wcet = f.duration("wcet", -1);
      if (wcet == 0) {
        f.problems().error(f.at("wcet"), f.get("wcet"), "a duration above 0");
      }
      exec = wcet > 0 ? new Fixed(wcet) : null;
    } else {
      exec = Distributions.parse(f, "exec", true);
      if (!Distributions.requirePositiveMean(exec, f, "exec")) {
        exec = null;
      }
    }
    long deadline = f.duration("deadline", period);
    if (f.has("deadline") && deadline == 0) {
      f.problems().error(f.at("deadline"), f.get("deadline"), "a duration above 0");
      deadline = -1;
    }
    long offset = f.duration("offset", 0);
    if (period <= 0 || exec == null || deadline <= 0 || offset < 0) {
      return null;
    }
    Distribution execDist = exec;
    long d = deadline;
    return n -> {
      Workload[] w = new Workload[n];
      for (int i = 0; i < n; i++) {
        w[i] = new Task(period, execDist, d, offset);
      }
      return w;
    };
  }

  /** One vCPU's task: releases on the guest timer, deadline checks on a second timer. */
  static final class Task implements Workload {
    private final long period;
    private final Distribution execDist;
    private final long deadline;
    private final long offset;
    private DurationSampler exec;
    private Timer deadlineTimer;
    /** Jobs released, and jobs completed; pending = released - done. */
    private long released;
    private long done;
    /** The job whose deadline the deadline timer watches; jobs before it are checked. */
    private long watched;

    Task(long period, Distribution exec, long deadline, long offset) {
      this.period = period;
      this.execDist = exec;
      this.deadline = deadline;
      this.offset = offset;
    }

    private long releaseOf(long job) {
      return offset + job * period;
    }

    @Override
    public void start(Guest g) {
      exec = execDist.sampler(g.random("exec"));
      deadlineTimer = g.newTimer(() -> deadlinePassed(g));
      g.setTimer(offset);
    }

    /** Release of job {@code released}, at exactly its grid instant. */
    @Override
    public void onTimer(Guest g) {
      long job = released++;
      long release = releaseOf(job);
      g.events().onJobRelease(g.vcpu(), release + deadline, g.now());
      if (job == done) {
        startJob(g);
        g.unblock();
      }
      if (!deadlineTimer.isActive()) {
        watched = Math.max(watched, done);
        watchDeadline();
      }
      g.setTimer(releaseOf(released));
    }

    /** The head job (number {@code done}) becomes the vCPU's demand; drawn now, in job order. */
    private void startJob(Guest g) {
      g.addWork(Math.max(1, exec.sampleNs()));
    }

    private void watchDeadline() {
      if (watched < released) {
        deadlineTimer.set(releaseOf(watched) + deadline + 1);
      } else {
        deadlineTimer.stop();
      }
    }

    private void deadlinePassed(Guest g) {
      g.events().onDeadlineMiss(g.vcpu(), releaseOf(watched) + deadline, g.now());
      watched++;
      watchDeadline();
    }

    @Override
    public void onWorkDone(Guest g) {
      long job = done++;
      long now = g.now();
      long due = releaseOf(job) + deadline;
      g.events().onJobDone(g.vcpu(), now - releaseOf(job), now > due, now);
      if (watched == job) {
        watched++;
        watchDeadline();
      }
      if (done < released) {
        startJob(g);
      } else {
        g.block();
      }
    }

    @Override
    public String toString() {
      return "periodic(" + Time.format(period) + ", " + execDist.describe() + ")";
    }
  }
}
