package io.rapport.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The client's language and the texts in it: {@link FormMessages}, Qute's message bundle in English, Spanish and
 * German, picked by the client's stored preference, else the browser's Accept-Language (q-values included).
 */
@ApplicationScoped
public class FormTexts {

    public static final String DEFAULT_LANGUAGE = "en";
    public static final List<String> LANGUAGES = List.of("en", "es", "de");
    private static final List<Locale> SUPPORTED = LANGUAGES.stream().map(Locale::forLanguageTag).toList();

    /** The texts of a supported language. */
    public FormMessages in(String language) {
        return MessageBundles.get(FormMessages.class,
                Localized.Literal.of(LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE));
    }

    /**
     * The first supported language of the client's preference, else of the browser's Accept-Language (by the
     * JDK's RFC 4647 lookup, so q-values and fallbacks from en-GB to en apply), else English.
     */
    public static String choose(String preferred, String acceptLanguage) {
        if (preferred != null) {
            String primary = preferred.toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best.getLanguage();
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is ignored like an absent one.
            }
        }
        return DEFAULT_LANGUAGE;
    }

    /** A date as people in that language write it; sessions carry no time zone, so UTC decides the day. */
    public static String date(Instant instant, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                .format(instant.atZone(ZoneOffset.UTC));
    }

    public static String dateTime(Instant instant, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language)).format(instant.atZone(ZoneOffset.UTC));
    }
}
