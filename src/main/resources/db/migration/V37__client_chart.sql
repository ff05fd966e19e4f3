-- The client's own chart (issue 16, item 4): after answering, a client may see their own past totals as a small
-- chart on the thank-you page, within the same form visit. An organization opts in (off until an admin turns it
-- on), and a pair's therapist may still turn it off for one client, for whom seeing their numbers would not help.
ALTER TABLE organization ADD COLUMN client_chart boolean NOT NULL DEFAULT false;

-- Off for this pair only, whatever the organization chose; false (the organization decides) unless a therapist or
-- admin turned it off.
ALTER TABLE pair ADD COLUMN client_chart_off boolean NOT NULL DEFAULT false;
