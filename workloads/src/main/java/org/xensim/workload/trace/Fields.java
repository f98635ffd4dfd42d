package org.xensim.workload.trace;

import java.util.ArrayList;
import java.util.List;

/** Splitting and checking the fields of a trace line without regular expressions. */
final class Fields {
  private Fields() {}

  /**
   * The fields of {@code line}, stripped: split on commas, else on semicolons, else on tabs
   * (so {@code a;\tb}, as some published traces write, gives {@code a} and {@code b}).
   */
  static String[] split(String line) {
    char sep = line.indexOf(',') >= 0 ? ',' : line.indexOf(';') >= 0 ? ';' : '\t';
    List<String> out = new ArrayList<>(8);
    int from = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == sep) {
        out.add(line.substring(from, i).strip());
        from = i + 1;
      }
    }
    return out.toArray(new String[0]);
  }

  /** True if {@code s} is 1 to {@code maxDigits} ASCII digits. */
  static boolean digits(String s, int maxDigits) {
    int n = s.length();
    if (n == 0 || n > maxDigits) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
