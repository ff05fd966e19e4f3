package io.rapport.delivery.form;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * Everything the form template shows; built by {@link FormPageBuilder}, so the template only lays it out.
 * {@code candour} is the line inviting honest low ratings, null when the organization does not show it.
 */
@TemplateData
public record FormView(String lang, String title, String errorSummary, String submit, String progressTemplate,
        String intro, String candour, String progress, int total,
        String csrf, List<ErrorLink> errors, List<Part> parts) {

    /** An entry of the error summary, linking to the field it is about. */
    @TemplateData
    public record ErrorLink(String href, String text) {
    }

    /** One questionnaire of the combined page; {@code label} is empty when the page has only one. */
    @TemplateData
    public record Part(String label, String lang, List<Question> questions) {
    }

    /**
     * One item. {@code inputId} is the first focusable control, the target of the error summary's link. VAS items
     * have a number input (submitted) and a slider (JavaScript only).
     */
    @TemplateData
    public record Question(String id, String name, String number, String text, boolean likert, List<Option> options,
            String hint, String min, String max, String step, String value, String sliderValue, String minLabel,
            String maxLabel, String numberLabel, String error, String inputId) {

        public String legendId() {
            return id + "-legend";
        }

        public String hintId() {
            return id + "-hint";
        }

        public String errorId() {
            return id + "-error";
        }

        /** The ids that describe this item's controls: the hint, and the error when there is one. */
        public String describedBy() {
            return error == null ? hintId() : errorId() + " " + hintId();
        }
    }

    @TemplateData
    public record Option(String id, String value, String number, String label, boolean checked) {
    }
}
