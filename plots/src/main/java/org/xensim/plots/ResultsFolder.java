package org.xensim.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xensim.core.run.Table;
import org.xensim.core.scenario.ScenarioException;

/** A results folder as {@code xensim run} wrote it, read back for drawing and comparing. */
public final class ResultsFolder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final JsonNode summary;

  private ResultsFolder(Path dir, JsonNode summary) {
    this.dir = dir;
    this.summary = summary;
  }

  /**
   * Reads {@code dir}.
   *
   * @throws ScenarioException if it is not a results folder (no readable {@code summary.json})
   */
  public static ResultsFolder read(Path dir) {
    Path file = dir.resolve("summary.json");
    if (!Files.isDirectory(dir)) {
      throw new ScenarioException(dir + ": no such folder \u2014 expected a results folder "
          + "written by xensim run (with summary.json)");
    }
    if (!Files.isRegularFile(file)) {
      throw new ScenarioException(dir + ": not a results folder (no summary.json) \u2014 "
          + "expected a folder written by xensim run" + (Files.exists(dir.resolve("sweep.csv"))
              ? "; this is a sweep folder, give one of its point folders" : ""));
    }
    try {
      JsonNode s = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (s == null || !s.has("domains") || !s.has("pcpus") || !s.has("totals")) {
        throw new IOException("no domains, pcpus and totals");
      }
      return new ResultsFolder(dir, s);
    } catch (IOException e) {
      throw new ScenarioException(file + ": not an xensim summary (" + e.getMessage()
          + ") \u2014 expected the summary.json that xensim run writes");
    }
  }

  public Path dir() {
    return dir;
  }

  public JsonNode summary() {
    return summary;
  }

  public String scenario() {
    return summary.path("scenario").asText();
  }

  /** The schedulers of the pools, e.g. {@code credit2} or {@code credit+rtds}. */
  public String schedulers() {
    List<String> s = new ArrayList<>();
    for (JsonNode p : summary.path("pools")) {
      if (!s.contains(p.path("sched").asText())) {
        s.add(p.path("sched").asText());
      }
    }
    return String.join("+", s);
  }

  public List<String> domains() {
    List<String> out = new ArrayList<>();
    summary.get("domains").forEach(d -> out.add(d.get("name").asText()));
    return out;
  }

  public int nrCpus() {
    return summary.get("pcpus").size();
  }

  /** A CSV table of the folder, or null if the folder has none of that name. */
  public Table csv(String name) {
    Path f = dir.resolve(name);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return Table.parseCsv(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new ScenarioException(f + ": cannot be read (" + e.getMessage()
          + ") \u2014 expected the CSV xensim wrote");
    }
  }
}
