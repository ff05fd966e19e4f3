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
        return choose(preferred, acceptLanguage, LANGUAGES);
    }

    /**
     * {@link #choose(String, String)} among the languages an organization offers: English when it offers English
     * and neither the client nor the browser asks for an offered language, else the first offered one.
     *
     * @param offered supported languages, at least one
     */
    public static String choose(String preferred, String acceptLanguage, List<String> offered) {
        if (preferred != null) {
            String primary = preferred.toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (offered.contains(primary)) {
                return primary;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
                        offered == LANGUAGES ? SUPPORTED : offered.stream().map(Locale::forLanguageTag).toList());
                if (best != null) {
                    return best.getLanguage();
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is ignored like an absent one.
            }
        }
        return offered.contains(DEFAULT_LANGUAGE) || offered.isEmpty() ? DEFAULT_LANGUAGE : offered.get(0);
    }

    /**
     * The supported languages among {@code codes}, once each, in the order of {@link #LANGUAGES}.
     *
     * @return empty when there is none
     */
    public static List<String> normalize(List<String> codes) {
        return LANGUAGES.stream().filter(codes::contains).toList();
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
