-- The candour line (issue 16, item 5): clients near the top of a scale often rate everything highly out of
-- politeness. An organization may show a short line in the form that invites honest low ratings; off until an
-- admin turns it on.
ALTER TABLE organization ADD COLUMN candour_line boolean NOT NULL DEFAULT false;

-- Whether the form a response came through showed the line, so insight can set ceiling shares with it beside
-- those without it: true or false for the form (and in-session) channel, by the organization's setting when the
-- answers were sent; null for answers that came through the API or FHIR, whose screens Rapport does not draw.
ALTER TABLE response ADD COLUMN candour_shown boolean;
