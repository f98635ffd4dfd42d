/**
 * Random real-time task sets for schedulability experiments: UUniFast and RandFixedSum
 * utilisations, uniform, log-uniform and harmonic periods, RTDS budget rules, and the scenario
 * that runs a set ({@code xensim generate taskset}).
 */
package org.xensim.workload.taskset;
