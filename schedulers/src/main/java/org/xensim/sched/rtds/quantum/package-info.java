/**
 * The quantum-driven RTDS of Xen 4.6 (models {@code xen/common/sched_rt.c} at RELEASE-4.6.0):
 * replenishment by scanning the queues in every scheduler pass, wake and {@code context_saved},
 * and a fixed 1 ms quantum ({@code MAX_SCHEDULE}), for comparison with the 4.7 model.
 */
package org.xensim.sched.rtds.quantum;
