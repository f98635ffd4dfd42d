package org.xensim.sched.credit;

import static org.xensim.sched.credit.CreditConstants.CSCHED_FLAG_VCPU_PARKED;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_OVER;
import static org.xensim.sched.credit.CreditConstants.CSCHED_PRI_TS_UNDER;

import org.xensim.core.sched.SchedContext;

// models csched_acct()
/**
 * The periodic credit accounting and the active set it works on: models {@code csched_acct()},
 * {@code __csched_vcpu_acct_start()} and {@code __csched_vcpu_acct_stop_locked()} (spec §3.6).
 *
 * <p>Xen's {@code credit_total}, {@code weight_total}, {@code weight_left}, {@code credit_fair},
 * {@code credit_peak} and {@code credit_cap} are {@code uint32_t}: they are Java {@code int}s here,
 * combined with wrapping 32-bit products, {@link Integer#divideUnsigned} and
 * {@link Integer#compareUnsigned}, so large weights wrap exactly as they do in Xen.
 */
final class Accounting {
  private final SchedContext ctx;
  private final CreditPrivate prv;

  Accounting(SchedContext ctx, CreditPrivate prv) {
    this.ctx = ctx;
    this.prv = prv;
  }

  /**
   * Models {@code __csched_vcpu_acct_start()}: the vCPU joins its domain's active list (at the
   * head) and the domain joins {@code active_sdom} (at the head) if it was not there.
   */
  void acctStart(CreditVcpu svc) {
    CreditDom sdom = svc.sdom;
    if (!svc.isActive()) {
      sdom.activeVcpuCount++;
      svc.activeVcpuElem.addAfter(sdom.activeVcpu);
      prv.weight += sdom.weight;
      if (sdom.activeSdomElem.isEmpty()) {
        sdom.activeSdomElem.addAfter(prv.activeSdom);
      }
    }
  }

  /** Models {@code __csched_vcpu_acct_stop_locked()}. */
  void acctStop(CreditVcpu svc) {
    CreditDom sdom = svc.sdom;
    if (!svc.isActive()) {
      throw new IllegalStateException(svc + " is not active");
    }
    sdom.activeVcpuCount--;
    svc.activeVcpuElem.delInit();
    prv.weight -= sdom.weight;
    if (sdom.activeVcpu.isEmpty()) {
      sdom.activeSdomElem.delInit();
    }
  }

  /**
   * Models {@code csched_acct()}, the {@code master_ticker} handler: hands out one period's
   * credits to the active vCPUs by domain weight, recomputes UNDER / OVER, parks and unparks
   * capped vCPUs, retires vCPUs with more than a period's credit, and starts a new sort epoch.
   * Running vCPUs are not burned first: their credit is as of their last tick or pass.
   */
  void acct() {
    int weightTotal = prv.weight;
    int creditTotal = prv.credit;

    // Converge the balance towards 0 when it went negative.
    if (prv.creditBalance < 0) {
      creditTotal -= prv.creditBalance;
    }

    if (weightTotal == 0) {
      prv.creditBalance = 0;
      rearm();
      return;
    }

    int weightLeft = weightTotal;
    int creditBalance = 0;
    boolean creditXtra = false;
    int creditCap = 0;
    int cpt = prv.creditsPerTslice;

    ListHead<CreditDom> head = prv.activeSdom;
    ListHead<CreditDom> iterSdom = head.next();
    while (iterSdom != head) {
      ListHead<CreditDom> nextSdom = iterSdom.next(); // list_for_each_safe
      CreditDom sdom = iterSdom.owner();
      int n = sdom.activeVcpuCount;
      int w = sdom.weight;

      weightLeft -= w * n;

      // At most one pCPU's worth per active vCPU, plus a share of a negative balance.
      int creditPeak = n * cpt;
      if (prv.creditBalance < 0) {
        // The product is a signed int in Xen; the sum and division are unsigned.
        int owed = -prv.creditBalance * w * n;
        creditPeak += Integer.divideUnsigned(owed + (weightTotal - 1), weightTotal);
      }

      if (sdom.cap != 0) {
        creditCap = Integer.divideUnsigned(sdom.cap * cpt + 99, 100);
        if (Integer.compareUnsigned(creditCap, creditPeak) < 0) {
          creditPeak = creditCap;
        }
        creditCap = Integer.divideUnsigned(creditCap + (n - 1), n);
      }

      int creditFair = Integer.divideUnsigned(creditTotal * w * n + (weightTotal - 1), weightTotal);

      if (Integer.compareUnsigned(creditFair, creditPeak) < 0) {
        creditXtra = true;
      } else {
        if (weightLeft != 0) {
          // Hand what this domain cannot use to the domains still to come.
          creditTotal += Integer.divideUnsigned((creditFair - creditPeak) * weightTotal
              + (weightLeft - 1), weightLeft);
        }
        if (creditXtra) {
          // Saturated domains go to the head so that next period they come first.
          sdom.activeSdomElem.delInit();
          sdom.activeSdomElem.addAfter(head);
        }
        creditFair = creditPeak;
      }

      creditFair = Integer.divideUnsigned(creditFair + (n - 1), n);

      ListHead<CreditVcpu> vhead = sdom.activeVcpu;
      ListHead<CreditVcpu> iterVcpu = vhead.next();
      while (iterVcpu != vhead) {
        ListHead<CreditVcpu> nextVcpu = iterVcpu.next(); // list_for_each_safe
        CreditVcpu svc = iterVcpu.owner();
        svc.credit += creditFair;
        int credit = svc.credit;
        if (credit < 0) {
          svc.pri = CSCHED_PRI_TS_OVER;
          // Park running vCPUs of capped-out domains. Xen compares the int credit with the
          // unsigned -credit_cap, i.e. unsigned.
          if (sdom.cap != 0 && Integer.compareUnsigned(credit, -creditCap) < 0
              && !svc.testAndSetFlag(CSCHED_FLAG_VCPU_PARKED)) {
            ctx.count("credit.park", ctx.currentCpu());
            ctx.vcpuPauseNosync(svc.vcpu);
          }
          if (Integer.compareUnsigned(credit, -cpt) < 0) {
            credit = -cpt;
            svc.credit = credit;
          }
        } else {
          svc.pri = CSCHED_PRI_TS_UNDER;
          // Quirk (4.7 - 4.12, spec §3.12): PARKED is cleared before the unpause, so the wake
          // that follows boosts the vCPU (Xen's comment next to it says the opposite).
          if (svc.testAndClearFlag(CSCHED_FLAG_VCPU_PARKED)) {
            ctx.count("credit.unpark", ctx.currentCpu());
            ctx.vcpuUnpause(svc.vcpu);
          }
          if (Integer.compareUnsigned(credit, cpt) > 0) {
            // The vCPU stops earning; it keeps half its credit as it leaves the active set.
            acctStop(svc);
            credit /= 2;
            svc.credit = credit;
          }
        }
        creditBalance += credit;
        iterVcpu = nextVcpu;
      }
      iterSdom = nextSdom;
    }

    prv.creditBalance = creditBalance;
    // Every pCPU re-sorts its runqueue at its next tick.
    prv.runqSort++;
    rearm();
  }

  private void rearm() {
    prv.masterTicker.set(ctx.now() + prv.tsliceNs());
  }
}
