package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.scores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Guards the JSON contract the REST layer exposes; the engine itself does not depend on Jackson. */
class TrendJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void shouldSerialiseToTheDocumentedShape() throws Exception {
        PairTrend trend = new TrendEngine().analyse(instrument(5.0, 0.875, 28.0, 1), scores(30, 31, 30, 22, 30));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(trend));

        for (String field : List.of("questionnaireId", "points", "mean", "sd", "slope", "slopeCi95", "reliableChange",
                "cutoffPosition", "events", "subscales")) {
            assertTrue(json.has(field), field);
        }
        assertEquals("2026-01-05T10:00:00Z", json.at("/points/0/occurredAt").asText());
        assertEquals(2, json.get("slopeCi95").size());
        assertTrue(json.at("/reliableChange/fromFirstReliable").isBoolean());
        assertEquals("below-cutoff", json.at("/events/0/type").asText());
        assertEquals(22.0, json.at("/events/0/detail/score").asDouble());
    }

    @Test
    void shouldSerialiseUndefinedFiguresAsNull() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(new TrendEngine().analyse(
                instrument(5.0, 0.875, 28.0, 1), List.of())));

        assertTrue(json.get("mean").isNull());
        assertTrue(json.get("slopeCi95").isNull());
        assertTrue(json.at("/reliableChange/fromFirst").isNull());
    }
}
