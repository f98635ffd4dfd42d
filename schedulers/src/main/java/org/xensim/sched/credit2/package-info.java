/**
 * The Credit2 scheduler of Xen 4.7; models {@code xen/common/sched_credit2.c} at
 * {@code RELEASE-4.7.0}. One class per Xen structure or algorithm: {@link
 * org.xensim.sched.credit2.Credit2Scheduler} holds the hooks, the others hold the runqueues,
 * credit arithmetic, load tracking, tickling, pCPU choice and load balancing.
 */
package org.xensim.sched.credit2;
