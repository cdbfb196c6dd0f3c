-- Custom addition: a taxonomy name in the languages other than the default is one JSON column,
-- `names` ({"it": "…"}), so a new language needs no new column (docs/architecture.md, "Add a
-- language"). The Italian names move there; 0011 drops `name_it`.
ALTER TABLE `channels` ADD `names` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `critical_events` ADD `names` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `journey_stages` ADD `names` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE `channels` SET `names` = json_object('it', `name_it`) WHERE `name_it` IS NOT NULL AND `name_it` != '';--> statement-breakpoint
UPDATE `critical_events` SET `names` = json_object('it', `name_it`) WHERE `name_it` IS NOT NULL AND `name_it` != '';--> statement-breakpoint
UPDATE `journey_stages` SET `names` = json_object('it', `name_it`) WHERE `name_it` IS NOT NULL AND `name_it` != '';
