package org.xensim.core.workload;

import java.util.List;
import org.xensim.core.scenario.Fields;

/** A workload type ({@code cpu-hog}, {@code script}, ...), found with ServiceLoader. */
public interface WorkloadProvider {

  /** The scenario's {@code workload.type}. */
  String type();

  /** One line for {@code xensim list}. */
  String description();

  /** The keys this type reads, for help. */
  List<String> keys();

  /**
   * Reads the workload's keys (everything but {@code type}) from {@code fields}, reporting bad
   * values to its problems. Returns a factory, or null if the keys were bad.
   */
  WorkloadFactory parse(Fields fields);
}
