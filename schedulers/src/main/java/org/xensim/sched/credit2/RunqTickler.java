package org.xensim.sched.credit2;

import org.xensim.core.host.CpuMask;
import org.xensim.core.host.CpuMasks;

// models runq_tickle() of sched_credit2.c
/**
 * Chooses which pCPU of a runqueue should reschedule for a newly queued vCPU; models
 * {@code sched_credit2.c:runq_tickle()} in its 4.7 order: the vCPU's own pCPU first, then an
 * idle untickled pCPU, then the busy pCPU running the vCPU with the least credit.
 */
final class RunqTickler {
  private final Credit2Private prv;
  private final CpuMask mask;

  RunqTickler(Credit2Private prv) {
    this.prv = prv;
    this.mask = new CpuMask(prv.ctx.topology().nrCpus());
  }

  /** Models {@code sched_credit2.c:runq_tickle()}; {@code cpu} is {@code newSvc}'s processor. */
  void runqTickle(int cpu, Credit2Vcpu newSvc, long now) {
    assert newSvc.vcpu.processor() == cpu;
    Credit2Runqueue rqd = prv.rqdOf(cpu);
    assert newSvc.rqd == rqd;

    // 1. the pCPU it is assigned to, before anything else (quirk §4.15.4: 4.8 looks at idlers
    //    first); rqd.tickled is not consulted
    Credit2Vcpu cur = prv.currOn(cpu);
    CreditMath.burnCredits(rqd, cur, now);
    if (cur.credit < newSvc.credit) {
      tickle(rqd, cpu);
      return;
    }

    // 2. an idle, untickled pCPU it may run on: the next one after cpu, wrapping round
    CpuMask hard = newSvc.vcpu.hardAffinity();
    mask.copyFrom(rqd.idle);
    mask.andNot(rqd.tickled);
    mask.and(hard);
    int i = CpuMasks.cycle(cpu, mask);
    if (i >= 0) {
      tickle(rqd, i);
      return;
    }

    // 3. the busy, untickled pCPU whose vCPU has the least credit (ties: lowest pCPU)
    mask.copyFrom(rqd.active);
    mask.andNot(rqd.idle);
    mask.andNot(rqd.tickled);
    mask.and(hard);
    int ipid = -1;
    long lowest = 1L << 30;
    for (i = mask.nextSetBit(0); i >= 0; i = mask.nextSetBit(i + 1)) {
      if (i == cpu) {
        continue; // already looked at above
      }
      cur = prv.currOn(i);
      CreditMath.burnCredits(rqd, cur, now);
      if (cur.credit < lowest) {
        ipid = i;
        lowest = cur.credit;
      }
    }
    // only preempt another pCPU if the credit difference beats the migration resistance
    if (ipid == -1 || lowest + prv.opts.migrateResistNs() > newSvc.credit) {
      return;
    }
    tickle(rqd, ipid);
  }

  private void tickle(Credit2Runqueue rqd, int ipid) {
    rqd.tickled.set(ipid);
    prv.ctx.raiseScheduleSoftirq(ipid);
  }
}
