package org.xensim.core.workload;

/**
 * What a guest asks of its vCPU: work to do (ns at full speed), when to block and when to wake.
 * One instance per vCPU; it talks to the simulation only through its {@link Guest}.
 */
public interface Workload {

  /** At creation (t = 0, before the run): arm the first wake, e.g. {@code g.setTimer(0)}. */
  void start(Guest g);

  /** The guest timer armed with {@link Guest#setTimer} fired. */
  default void onTimer(Guest g) {}

  /** The current demand is done: give more work ({@link Guest#addWork}) or {@link Guest#block}. */
  void onWorkDone(Guest g);
}
