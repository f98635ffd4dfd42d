/**
 * Xen 4.7's Credit scheduler (credit1), modelled on {@code xen/common/sched_credit.c} at
 * {@code RELEASE-4.7.0}: per-pCPU runqueues holding the idle vCPU, credits earned by weight every
 * time slice, BOOST / UNDER / OVER priorities, caps with parking, tickling and work stealing.
 *
 * <p>Each class models one part of the C file and every method names the Xen function it models.
 * Knowing departures from Xen are commented where they happen and listed in
 * {@code docs/departures-credit.md}.
 */
package org.xensim.sched.credit;
