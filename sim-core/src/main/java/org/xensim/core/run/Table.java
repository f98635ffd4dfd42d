package org.xensim.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of text cells with a header, rendered as CSV (RFC 4180 quoting, every row ending with a
 * newline) or as aligned text for the console. Numbers are formatted with {@link #num}, the same
 * everywhere, independently of the locale.
 */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  public List<String> header() {
    return header;
  }

  public List<List<String>> rows() {
    return rows;
  }

  public Table add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException("row of " + row.size() + " cells for " + header.size()
          + " columns");
    }
    rows.add(List.copyOf(row));
    return this;
  }

  public String toCsv() {
    StringBuilder b = new StringBuilder();
    line(b, header);
    for (List<String> r : rows) {
      line(b, r);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(csv(cells.get(i)));
    }
    b.append('\n');
  }

  /** Columns padded to their widest cell; numbers right-aligned. */
  public String toText() {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    text(b, header, w, false);
    for (List<String> r : rows) {
      text(b, r, w, true);
    }
    return b.toString();
  }

  private static void text(StringBuilder b, List<String> cells, int[] w, boolean alignNumbers) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(w[i] - c.length());
      if (i > 0) {
        line.append("  ");
      }
      boolean right = alignNumbers && i > 0 && c.matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?%?|[-+]?[0-9.]+[a-z]+");
      line.append(right ? pad + c : c + pad);
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }

  /**
   * Reads CSV text as {@link #toCsv()} writes it (RFC 4180: quoted cells may hold commas, quotes
   * and line breaks).
   *
   * @throws IllegalArgumentException naming the line of a row whose width differs from the
   *     header's, or of an unterminated quote
   */
  public static Table parseCsv(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          if (ch == '\n') {
            line++;
          }
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        lines.add(row);
        row = new ArrayList<>();
        line++;
        rowLine = line;
      } else if (ch != '\r') {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + rowLine + ": a quote is not closed");
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      lines.add(row);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no header line");
    }
    Table t = new Table(lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).size() != t.header.size()) {
        throw new IllegalArgumentException("row " + (i + 1) + " has " + lines.get(i).size()
            + " cells, the header " + t.header.size());
      }
      t.add(lines.get(i));
    }
    return t;
  }

  /** Quotes a cell when it holds a comma, a quote or a line break. */
  public static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** A number as xensim writes it: integers plain, others with 6 decimals, never a locale's. */
  public static String num(double x) {
    if (Double.isNaN(x)) {
      return "";
    }
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
        : String.format(Locale.ROOT, "%.6f", x);
  }

  /** The value of a summary figure: the number, or the mean of a replicated one; NaN if absent. */
  public static double value(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return Double.NaN;
    }
    if (n.isObject()) {
      n = n.get("mean");
    }
    return n == null ? Double.NaN : n.asDouble();
  }

  /** The 95 % half-width of a replicated figure; NaN if it is not replicated. */
  public static double ci95(JsonNode n) {
    return n != null && n.isObject() && n.has("ci95") ? n.get("ci95").asDouble() : Double.NaN;
  }

  /** Cell text of a summary figure (mean if replicated; exact integer if integral). */
  public static String cell(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return "";
    }
    if (n.isObject()) {
      n = n.get("mean");
    }
    if (n.isIntegralNumber()) {
      return Long.toString(n.asLong());
    }
    return n.isNumber() ? num(n.asDouble()) : n.asText();
  }
}
