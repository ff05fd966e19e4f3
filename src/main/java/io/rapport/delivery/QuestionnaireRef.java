package io.rapport.delivery;

/** Which questionnaire, in which concrete version, a session's client is asked to fill. */
public record QuestionnaireRef(String id, String version) {
}
