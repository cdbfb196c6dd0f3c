-- Custom migration: nothing in the file orders an anonymous item among the rows written around
-- it, or dates it closer than its day (docs/decisions/001-anonymity-against-a-database-reader.md).
-- New anonymous rows are inserted at random negative rowids by the application; their search
-- entries get one here, in the insert triggers. Rows written before this migration are brought
-- to the same state: anonymous items and their links and receipts move to random negative
-- rowids, their times to the start of their UTC day (the trend score recomputed from that and
-- the votes), session times to their UTC day; the search index is rewritten in one segment so
-- its segments no longer follow the order of writes.
DROP TRIGGER `insights_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `insights_search_insert` AFTER INSERT ON `insights` BEGIN
	INSERT INTO search_docs (id, kind, item_id) VALUES (CASE WHEN new.anonymous THEN -1 - (random() & 4503599627370495) END, 'insight', new.id);
	INSERT INTO search (rowid, kind, item_id, title, body) VALUES (last_insert_rowid(), 'insight', new.id, '', new.body);
END;
--> statement-breakpoint
DROP TRIGGER `ideas_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `ideas_search_insert` AFTER INSERT ON `ideas` BEGIN
	INSERT INTO search_docs (id, kind, item_id) VALUES (CASE WHEN new.anonymous THEN -1 - (random() & 4503599627370495) END, 'idea', new.id);
	INSERT INTO search (rowid, kind, item_id, title, body) VALUES (last_insert_rowid(), 'idea', new.id, new.title, new.problem || ' ' || new.proposal || ' ' || new.benefit);
END;
--> statement-breakpoint
UPDATE `sessions` SET `created_at` = `created_at` - `created_at` % 86400000, `last_verified_at` = `last_verified_at` - `last_verified_at` % 86400000;
--> statement-breakpoint
UPDATE `insights` SET `created_at` = `created_at` - `created_at` % 86400000, `occurred_at` = `occurred_at` - `occurred_at` % 86400000 WHERE `anonymous` = 1;
--> statement-breakpoint
UPDATE `ideas` SET `created_at` = `created_at` - `created_at` % 86400000 WHERE `anonymous` = 1;
--> statement-breakpoint
-- trend_score = log2 of Σ 2^((t - epoch) / 3 days) over the submission and the votes (app/models/idea.ts).
UPDATE `ideas` SET `trend_score` = (
	SELECT max(x) + log2(sum(power(2, x - (SELECT max(y) FROM (
		SELECT (`ideas`.`created_at` - 1735689600000) / 259200000.0 AS y
		UNION ALL SELECT (v.`created_at` - 1735689600000) / 259200000.0 FROM `votes` v WHERE v.`idea_id` = `ideas`.`id`
	))))) FROM (
		SELECT (`ideas`.`created_at` - 1735689600000) / 259200000.0 AS x
		UNION ALL SELECT (v.`created_at` - 1735689600000) / 259200000.0 FROM `votes` v WHERE v.`idea_id` = `ideas`.`id`
	)
) WHERE `anonymous` = 1;
--> statement-breakpoint
UPDATE `insights` SET `rowid` = -1 - (random() & 4503599627370495) WHERE `anonymous` = 1 AND `rowid` > 0;
--> statement-breakpoint
UPDATE `idea_stages` SET `rowid` = -1 - (random() & 4503599627370495) WHERE `rowid` > 0 AND `idea_id` IN (SELECT `id` FROM `ideas` WHERE `anonymous` = 1);
--> statement-breakpoint
UPDATE `idea_events` SET `rowid` = -1 - (random() & 4503599627370495) WHERE `rowid` > 0 AND `idea_id` IN (SELECT `id` FROM `ideas` WHERE `anonymous` = 1);
--> statement-breakpoint
UPDATE `idea_insights` SET `rowid` = -1 - (random() & 4503599627370495) WHERE `rowid` > 0 AND `idea_id` IN (SELECT `id` FROM `ideas` WHERE `anonymous` = 1);
--> statement-breakpoint
UPDATE `ideas` SET `rowid` = -1 - (random() & 4503599627370495) WHERE `anonymous` = 1 AND `rowid` > 0;
--> statement-breakpoint
UPDATE `receipts` SET `rowid` = -1 - (random() & 4503599627370495) WHERE `rowid` > 0;
--> statement-breakpoint
CREATE TEMP TABLE `anonymous_docs` AS
	SELECT d.`id` AS old_id, -1 - (random() & 4503599627370495) AS new_id, s.`kind` AS kind, s.`item_id` AS item_id, s.`title` AS title, s.`body` AS body
	FROM `search_docs` d JOIN `search` s ON s.`rowid` = d.`id`
	WHERE d.`id` > 0 AND (
		(d.`kind` = 'insight' AND d.`item_id` IN (SELECT `id` FROM `insights` WHERE `anonymous` = 1))
		OR (d.`kind` = 'idea' AND d.`item_id` IN (SELECT `id` FROM `ideas` WHERE `anonymous` = 1))
	);
--> statement-breakpoint
DELETE FROM `search` WHERE `rowid` IN (SELECT old_id FROM `anonymous_docs`);
--> statement-breakpoint
UPDATE `search_docs` SET `id` = (SELECT new_id FROM `anonymous_docs` WHERE old_id = `search_docs`.`id`) WHERE `id` IN (SELECT old_id FROM `anonymous_docs`);
--> statement-breakpoint
INSERT INTO `search` (rowid, kind, item_id, title, body) SELECT new_id, kind, item_id, title, body FROM `anonymous_docs`;
--> statement-breakpoint
DROP TABLE `anonymous_docs`;
--> statement-breakpoint
INSERT INTO `search` (`search`) VALUES ('optimize');
