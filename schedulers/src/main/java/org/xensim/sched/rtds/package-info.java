/**
 * RTDS, Xen's global-EDF deferrable-server scheduler: the event-driven model of Xen 4.7 (models
 * {@code xen/common/sched_rt.c} at RELEASE-4.7.0) and the parts both versions share (per-vCPU
 * state, run and depleted queues, tickling). The quantum-driven 4.6 variant lives in
 * {@link org.xensim.sched.rtds.quantum}; {@link org.xensim.sched.rtds.RtdsProvider} picks one by
 * the scenario's {@code xen.version}.
 */
package org.xensim.sched.rtds;
