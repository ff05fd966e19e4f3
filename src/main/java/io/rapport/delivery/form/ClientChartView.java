package io.rapport.delivery.form;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * The client's own chart on the thank-you page: one small inline SVG per instrument they answer, with its numbers
 * as a table beside it. Coordinates are computed here, so the template only lays them out.
 */
@TemplateData
public record ClientChartView(String title, String intro, String dateHeader, List<Line> lines) {

    /** Width and height of each chart's viewBox; the SVG scales to the page's width. */
    public static final int WIDTH = 320;
    public static final int HEIGHT = 150;

    /**
     * One instrument's line. {@code points} is the SVG polyline's {@code points} attribute; {@code yMin} and
     * {@code yMax} label the axis, {@code firstDate} and {@code lastDate} the first and last point.
     */
    @TemplateData
    public record Line(String id, String title, String desc, String totalHeader, String yMin, String yMax,
            String firstDate, String lastDate, String points, List<Dot> dots, List<Row> rows) {

        public String titleId() {
            return id + "-title";
        }

        public String descId() {
            return id + "-desc";
        }
    }

    /** A point of the line, in viewBox coordinates. */
    @TemplateData
    public record Dot(String x, String y) {
    }

    /** A row of the table alternative: the session's date and the client's total. */
    @TemplateData
    public record Row(String date, String total) {
    }
}
