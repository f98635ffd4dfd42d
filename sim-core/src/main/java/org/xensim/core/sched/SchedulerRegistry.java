package org.xensim.core.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The scheduler models on the class path, sorted by name (ServiceLoader order is not stable). */
public final class SchedulerRegistry {
  private final List<SchedulerProvider> providers;

  public SchedulerRegistry(List<SchedulerProvider> providers) {
    List<SchedulerProvider> sorted = new ArrayList<>(providers);
    sorted.sort(Comparator.comparing(SchedulerProvider::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalStateException("two scheduler models named " + sorted.get(i).name());
      }
    }
    this.providers = List.copyOf(sorted);
  }

  /** Every provider found by {@link ServiceLoader}. */
  public static SchedulerRegistry load() {
    List<SchedulerProvider> found = new ArrayList<>();
    ServiceLoader.load(SchedulerProvider.class).forEach(found::add);
    return new SchedulerRegistry(found);
  }

  public List<SchedulerProvider> all() {
    return providers;
  }

  public Optional<SchedulerProvider> find(String name) {
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return providers.stream().map(SchedulerProvider::name).toList();
  }
}
