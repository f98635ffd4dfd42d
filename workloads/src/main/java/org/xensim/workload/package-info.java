/**
 * The workload types a scenario names in {@code domains[].workload.type} ({@code cpu-hog},
 * {@code io}, {@code periodic}, {@code server}, {@code onoff}, {@code trace}, {@code script}),
 * each a {@link org.xensim.core.workload.WorkloadProvider} found with ServiceLoader, plus the
 * guest timer ticks every type accepts. A workload is the guest side of Xen: it asks its vCPU
 * for work and decides when it blocks and wakes (spec §2.13); docs/workloads.md describes each.
 */
package org.xensim.workload;
