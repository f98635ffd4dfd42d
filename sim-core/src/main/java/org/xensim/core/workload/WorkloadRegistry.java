package org.xensim.core.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The workload types on the class path, sorted by type name. */
public final class WorkloadRegistry {
  private final List<WorkloadProvider> providers;

  public WorkloadRegistry(List<WorkloadProvider> providers) {
    List<WorkloadProvider> sorted = new ArrayList<>(providers);
    sorted.sort(Comparator.comparing(WorkloadProvider::type));
    this.providers = List.copyOf(sorted);
  }

  public static WorkloadRegistry load() {
    List<WorkloadProvider> found = new ArrayList<>();
    ServiceLoader.load(WorkloadProvider.class).forEach(found::add);
    return new WorkloadRegistry(found);
  }

  public List<WorkloadProvider> all() {
    return providers;
  }

  public Optional<WorkloadProvider> find(String type) {
    return providers.stream().filter(p -> p.type().equals(type)).findFirst();
  }

  public List<String> types() {
    return providers.stream().map(WorkloadProvider::type).toList();
  }
}
