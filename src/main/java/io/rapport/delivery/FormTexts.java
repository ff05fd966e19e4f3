package io.rapport.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The fixed texts clients read, in English, Spanish and German, from {@code form-texts/<lang>.properties}. A key
 * missing in one language falls back to English, so a half-finished translation never shows a key.
 */
@ApplicationScoped
public class FormTexts {

    public static final String DEFAULT_LANGUAGE = "en";
    public static final List<String> LANGUAGES = List.of("en", "es", "de");

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public FormTexts() {
        Map<String, String> english = load(DEFAULT_LANGUAGE);
        for (String lang : LANGUAGES) {
            Map<String, String> texts = new HashMap<>(english);
            texts.putAll(load(lang));
            byLanguage.put(lang, Map.copyOf(texts));
        }
    }

    /** All texts of a supported language, for templates. */
    public Map<String, String> all(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(DEFAULT_LANGUAGE));
    }

    /** One text with its {@code {name}} placeholders replaced. */
    public String format(String language, String key, Map<String, ?> values) {
        String text = all(language).getOrDefault(key, key);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return text;
    }

    /**
     * The first supported language of the client's preference, else of the browser's Accept-Language, else
     * English.
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
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0];
                    if (LANGUAGES.contains(primary)) {
                        return primary;
                    }
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

    private static Map<String, String> load(String language) {
        String path = "form-texts/" + language + ".properties";
        try (InputStream in = FormTexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return texts;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }
}
