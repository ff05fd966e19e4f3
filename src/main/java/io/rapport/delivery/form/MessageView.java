package io.rapport.delivery.form;

import io.quarkus.qute.TemplateData;

/** A page that only tells the client something: thank you, expired, unknown link, and the like. */
@TemplateData
public record MessageView(String lang, String title, String body, boolean success) {
}
