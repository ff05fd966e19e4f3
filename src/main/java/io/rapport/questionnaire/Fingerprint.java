package io.rapport.questionnaire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * SHA-256 over a canonical JSON of everything that changes a score: item ids, types, ranges, reverse and NA flags,
 * subscales, scoring rule, cutoffs and reliable-change constants. Texts, labels, anchors and citations are left out so
 * wording and translations can change without a version bump.
 */
public final class Fingerprint {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Fingerprint() {
    }

    public static String of(QuestionnaireDefinition d) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("id", d.id());
        doc.put("items", d.items().stream().map(Fingerprint::item).toList());
        doc.put("subscales", new TreeMap<>(d.subscales()));
        Map<String, Object> scoring = new TreeMap<>();
        scoring.put("method", d.scoring().method().json());
        scoring.put("maxMissing", d.scoring().maxMissing());
        scoring.put("imputation", d.scoring().imputation().json());
        scoring.put("subscaleMaxMissing", d.scoring().subscaleMaxMissing());
        scoring.put("rounding", d.scoring().rounding());
        doc.put("scoring", scoring);
        doc.put("interpretation", d.interpretation().stream().map(c -> ordered(
                "value", number(c.value()), "direction", c.direction().json(), "flag", c.flag(), "scale", c.scale()))
                .toList());
        doc.put("reliableChange", d.reliableChange().stream().map(r -> ordered(
                "scale", r.scale(), "sd", number(r.sd()), "reliability", number(r.reliability()))).toList());
        try {
            byte[] json = CANONICAL.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + d.key(), e);
        }
    }

    private static Map<String, Object> item(Item i) {
        return ordered("id", i.id(), "type", i.type().name().toLowerCase(), "min", number(i.min()),
                "max", number(i.max()), "step", number(i.step()), "reverse", i.reverse(),
                "allowNotApplicable", i.allowNotApplicable());
    }

    /** 1, 1.0 and 1.00 must hash the same. */
    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new TreeMap<>(map);
    }

}
