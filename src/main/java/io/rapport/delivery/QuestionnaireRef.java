package io.rapport.delivery;

/** Which questionnaire, in which released version, a session's client is asked to fill. */
public record QuestionnaireRef(String id, String version) {
}
