package io.rapport.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FormTextsTest {

    @Inject
    FormTexts texts;

    @Test
    void shouldPreferTheClientsStoredLanguage() {
        assertThat(FormTexts.choose("de-AT", "es")).isEqualTo("de");
        assertThat(FormTexts.choose("fr", "es")).isEqualTo("es");
    }

    @Test
    void shouldFollowTheQValuesOfAcceptLanguage() {
        assertThat(FormTexts.choose(null, "de;q=0.4, es;q=0.9")).isEqualTo("es");
        assertThat(FormTexts.choose(null, "fr-CH, fr;q=0.9, de;q=0.5")).isEqualTo("de");
        assertThat(FormTexts.choose(null, "en-GB,en;q=0.8")).isEqualTo("en");
    }

    @Test
    void shouldFallBackToEnglishForAnUnsupportedOrMalformedHeader() {
        assertThat(FormTexts.choose(null, "fr, it;q=0.5")).isEqualTo("en");
        assertThat(FormTexts.choose(null, "de;q=x")).isEqualTo("en");
        assertThat(FormTexts.choose(null, null)).isEqualTo("en");
    }

    @Test
    void shouldChooseOnlyAmongTheOrganizationsLanguages() {
        assertThat(FormTexts.choose("de", "de-CH, de;q=0.9", List.of("es"))).isEqualTo("es");
        assertThat(FormTexts.choose("de", "es;q=0.2, en;q=0.9", List.of("en", "es"))).isEqualTo("en");
        assertThat(FormTexts.choose(null, "fr", List.of("en", "de"))).isEqualTo("en");
        assertThat(FormTexts.choose(null, null, List.of("es", "de"))).isEqualTo("es");
        assertThat(FormTexts.choose("es-MX", null, List.of("de", "es"))).isEqualTo("es");
    }

    @Test
    void shouldKeepStoredLanguagesInTheSupportedOrderAndFallBackToAll() {
        assertThat(DeliveryPolicy.offered("de,en")).containsExactly("en", "de");
        assertThat(DeliveryPolicy.offered(null)).isEqualTo(FormTexts.LANGUAGES);
        // A language no longer translated is dropped; with none left, every language is offered.
        assertThat(DeliveryPolicy.offered("fr")).isEqualTo(FormTexts.LANGUAGES);
        assertThat(FormTexts.normalize(List.of("de", "xx", "en", "de"))).containsExactly("en", "de");
    }

    @Test
    void shouldServeEveryLanguageFromTheMessageBundle() {
        assertThat(texts.in("es").title()).isNotEqualTo(texts.in("en").title()).isNotBlank();
        assertThat(texts.in("de").title()).isNotEqualTo(texts.in("en").title()).isNotBlank();
        assertThat(texts.in("de").errorRange(1, 7)).contains("1").contains("7").doesNotContain("{");
        assertThat(texts.in("fr").title()).isEqualTo(texts.in("en").title());
    }

    @Test
    void shouldKeepTheLineBreaksOfTheEmails() {
        for (String lang : FormTexts.LANGUAGES) {
            String body = texts.in(lang).emailBody("https://example.org/f/x", "1 January");
            assertThat(body).as(lang).contains("\n\nhttps://example.org/f/x\n\n").doesNotContain("\\n");
        }
    }
}
