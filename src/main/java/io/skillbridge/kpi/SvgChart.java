package io.skillbridge.kpi;

import java.util.List;
import java.util.Locale;

/**
 * A line chart as SVG text, for slides: title, y axis from zero with rounded ticks, one label per point on the x axis
 * (thinned when crowded), the line broken where a period has no value.
 */
public final class SvgChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final int TICKS = 5;

    private SvgChart() {
    }

    public static String line(String title, String unit, List<String> labels, List<Double> values) {
        double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        double step = niceStep(max / TICKS);
        double top = step * TICKS;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"").append(WIDTH / 2).append("\" y=\"30\" text-anchor=\"middle\" font-size=\"18\"")
                .append(" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        for (int t = 0; t <= TICKS; t++) {
            double y = TOP + plotH - plotH * t / (double) TICKS;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                    LEFT, y, LEFT + plotW, y, t == 0 ? "#333333" : "#e5e5e5"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 8, y + 4, format(step * t)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>%n",
                LEFT, TOP, LEFT, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">%s</text>%n",
                TOP + plotH / 2, TOP + plotH / 2, escape(unit)));
        int n = labels.size();
        int every = Math.max(1, (int) Math.ceil(n / 12.0));
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean penDown = false;
        for (int i = 0; i < n; i++) {
            double x = LEFT + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
            if (i % every == 0 || i == n - 1) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %d)\">%s</text>%n",
                        x, TOP + plotH + 18, x, TOP + plotH + 18, escape(labels.get(i))));
            }
            Double v = values.get(i);
            if (v == null) {
                penDown = false;
                continue;
            }
            double y = TOP + plotH - (top == 0 ? 0 : plotH * v / top);
            path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", penDown ? "L" : "M", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f6feb\"><title>%s: %s</title></circle>%n",
                    x, y, escape(labels.get(i)), format(v)));
            penDown = true;
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path.toString().trim())
                    .append("\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\"/>\n");
        }
        svg.append(dots);
        if (values.stream().allMatch(v -> v == null)) {
            svg.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(TOP + plotH / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#666666\">no data in this range</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten: ticks a reader can add up. */
    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
