ALTER TABLE `campaigns` ADD `criteria` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `scores` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `score` real;--> statement-breakpoint
CREATE INDEX `ideas_score_idx` ON `ideas` (`score`);--> statement-breakpoint
-- The impact and effort scores move into scores (decision 050); an idea with both gets its weighted score, (impact + 6 − effort) ÷ 2.
UPDATE `ideas` SET `scores` = json_object('impact', `impact`, 'effort', `effort`), `score` = round((`impact` + 6 - `effort`) / 2.0, 2) WHERE `impact` IS NOT NULL AND `effort` IS NOT NULL;--> statement-breakpoint
UPDATE `ideas` SET `scores` = json_object('impact', `impact`) WHERE `impact` IS NOT NULL AND `effort` IS NULL;--> statement-breakpoint
UPDATE `ideas` SET `scores` = json_object('effort', `effort`) WHERE `impact` IS NULL AND `effort` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` DROP COLUMN `impact`;--> statement-breakpoint
ALTER TABLE `ideas` DROP COLUMN `effort`;