/**
 * Recorded traces: the {@code demand-csv} per-vCPU demand format and the {@code util-csv}
 * per-VM utilisation format (readers with line and column errors, gzip by content), their
 * replay as workloads, and the conversion of utilisation into demand.
 */
package org.xensim.workload.trace;
