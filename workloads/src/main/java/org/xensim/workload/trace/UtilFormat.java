package org.xensim.workload.trace;

import org.xensim.core.time.Time;

/**
 * How to read a {@code util-csv} file: which columns (1-based; {@code vmColumn} 0 = the file
 * holds one VM) hold the timestamp, the VM id and the utilisation, the timestamp's unit, the
 * utilisation that means fully busy, the sampling interval (0 = the smallest gap between two
 * samples of a VM), and where t = 0 is: the file's first timestamp ({@code alignFile}, so VMs
 * of one file stay aligned) or each VM's own first sample.
 *
 * <p>The defaults read {@code time_s,vm,util_percent}; Azure's public {@code vm_cpu_readings}
 * files ({@code timestamp,vmid,min,max,avg}) read with {@code utilColumn = 5}.
 */
public record UtilFormat(int timeColumn, int vmColumn, int utilColumn, long timeUnitNs,
    double utilMax, long intervalNs, boolean alignFile) {

  public static final UtilFormat DEFAULT =
      new UtilFormat(1, 2, 3, Time.NS_PER_S, 100, 0, true);
}
