package io.rapport.delivery.form;

import io.quarkus.qute.TemplateData;

/**
 * A page that only tells the client something: thank you, expired, unknown link, and the like. {@code chart}: the
 * client's own chart under a thank-you, null on every other page or when it is not shown.
 */
@TemplateData
public record MessageView(String lang, String title, String body, boolean success, ClientChartView chart) {

    public MessageView(String lang, String title, String body, boolean success) {
        this(lang, title, body, success, null);
    }

    MessageView withChart(ClientChartView chart) {
        return new MessageView(lang, title, body, success, chart);
    }
}
