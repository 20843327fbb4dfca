package org.medvl.eval.report;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Headless PNG charts (XChart) embedded in HTML reports as data URLs, so a report is one self-contained file. */
public final class Charts {
    private Charts() {
    }

    /** A bar chart of named values in [0, 1]. */
    public static String bars(String title, Map<String, Double> values) {
        CategoryChart c = new CategoryChartBuilder().width(720).height(360).title(title).build();
        var st = c.getStyler();
        st.setLegendVisible(false);
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        st.setChartBackgroundColor(java.awt.Color.WHITE);
        st.setXAxisLabelRotation(20);
        c.addSeries("value", List.copyOf(values.keySet()), List.copyOf(values.values()));
        return dataUrl(c);
    }

    /** A line chart of y against x. */
    public static String line(String title, String xLabel, String yLabel, Map<Double, Double> points) {
        XYChart c = new XYChartBuilder().width(720).height(360).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
        var st = c.getStyler();
        st.setLegendVisible(false);
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        st.setChartBackgroundColor(java.awt.Color.WHITE);
        st.setMarkerSize(8);
        c.addSeries("accuracy", List.copyOf(points.keySet()), List.copyOf(points.values()));
        return dataUrl(c);
    }

    private static String dataUrl(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render chart " + chart.getTitle(), e);
        }
    }
}
