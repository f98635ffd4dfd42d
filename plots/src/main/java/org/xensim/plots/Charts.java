package org.xensim.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * What every xensim chart shares: size, fonts, colours, number formats, and writing it as PNG and
 * SVG (both byte-stable for the same data on the same machine: no timestamps, fixed fonts).
 */
final class Charts {
  static final int WIDTH = 1000;
  static final int HEIGHT = 580;
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  /** Domains a bar chart shows one by one; above, they are shown by group. */
  static final int MAX_BARS = 24;

  /**
   * Twenty distinguishable colours (Tableau 10, then its light companions), assigned to domains
   * in summary order so a domain has one colour in every chart.
   */
  private static final Color[] PALETTE = {
      new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
      new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
      new Color(0x9C755F), new Color(0xBAB0AC), new Color(0xA0CBE8), new Color(0xFFBE7D),
      new Color(0x8CD17D), new Color(0xB6992D), new Color(0x86BCB6), new Color(0xD37295),
      new Color(0xFABFD2), new Color(0xD4A6C8), new Color(0xD7B5A6), new Color(0x79706E)};

  private Charts() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  static BasicStroke line(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
  }

  /** The common look: white, grid lines, legend outside on the right, locale-free numbers. */
  static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setChartTitleFont(TITLE);
    s.setChartTitleBoxVisible(false);
    s.setLegendFont(LEGEND);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendBorderColor(new Color(0xCCCCCC));
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(new Color(0x999999));
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
    s.setChartPadding(12);
    if (s instanceof AxesChartStyler a) {
      a.setAxisTitleFont(AXIS_TITLE);
      a.setAxisTickLabelsFont(TICKS);
      a.setPlotGridLinesColor(new Color(0xE3E3E3));
      a.setPlotGridLinesVisible(true);
      a.setAxisTickPadding(6);
      a.setLocale(Locale.ROOT);
    }
  }

  /**
   * Initialises Java2D and its fonts (about a second, once per JVM) on a daemon thread, so that
   * it overlaps the simulation instead of delaying the first chart. Draws nothing anywhere.
   */
  static void warmUpInBackground() {
    Thread t = new Thread(() -> {
      java.awt.image.BufferedImage img =
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = img.createGraphics();
      g.setFont(TICKS);
      g.getFontMetrics().stringWidth("0123456789 ms");
      g.dispose();
    }, "plots-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Writes {@code chart} as {@code dir/name.png} and {@code dir/name.svg}; returns both. */
  static List<Path> save(Chart<?, ?> chart, Path dir, String name) {
    List<Path> out = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Path png = dir.resolve(name + ".png");
      try (OutputStream os = Files.newOutputStream(png)) {
        BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG);
      }
      out.add(png);
      Path svg = dir.resolve(name + ".svg");
      try (OutputStream os = Files.newOutputStream(svg)) {
        VectorGraphicsEncoder.saveVectorGraphic(chart, os,
            VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      }
      out.add(svg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + name, e);
    }
    return out;
  }

  /**
   * Writes several charts of the same width one above the other as one picture,
   * {@code dir/name.png} and {@code dir/name.svg}.
   */
  static List<Path> saveStacked(List<Chart<?, ?>> charts, Path dir, String name) {
    int width = charts.get(0).getWidth();
    int height = charts.stream().mapToInt(Chart::getHeight).sum();
    List<Path> out = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = img.createGraphics();
      int y = 0;
      for (Chart<?, ?> c : charts) {
        g.drawImage(BitmapEncoder.getBufferedImage(c), 0, y, null);
        y += c.getHeight();
      }
      g.dispose();
      Path png = dir.resolve(name + ".png");
      try (OutputStream os = Files.newOutputStream(png)) {
        ImageIO.write(img, "png", os);
      }
      out.add(png);
      VectorGraphics2D vg = new VectorGraphics2D();
      y = 0;
      for (Chart<?, ?> c : charts) {
        Graphics2D part = (Graphics2D) vg.create(0, y, c.getWidth(), c.getHeight());
        c.paint(part, c.getWidth(), c.getHeight());
        part.dispose();
        y += c.getHeight();
      }
      Path svg = dir.resolve(name + ".svg");
      try (OutputStream os = Files.newOutputStream(svg)) {
        new SVGProcessor().getDocument(vg.getCommands(), new PageSize(0, 0, width, height))
            .writeTo(os);
      }
      out.add(svg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + name, e);
    }
    return out;
  }

  /** A time unit that keeps axis numbers short for a span of {@code spanNs}. */
  record TimeUnit(String label, double ns) {
    static TimeUnit forSpan(double spanNs) {
      if (spanNs <= 2e3) {
        return new TimeUnit("ns", 1);
      }
      if (spanNs <= 2e6) {
        return new TimeUnit("\u00b5s", 1e3);
      }
      if (spanNs <= 2e9) {
        return new TimeUnit("ms", 1e6);
      }
      return new TimeUnit("s", 1e9);
    }
  }

  /** {@code 12.5} or {@code 3}: short, locale-free tick text. */
  static String tick(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    String s = String.format(Locale.ROOT, "%.3f", x);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
