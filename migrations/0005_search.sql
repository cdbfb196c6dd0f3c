-- Custom migration: full-text search with SQLite FTS5 (drizzle-kit cannot declare virtual
-- tables). One index for insights, ideas and comments. The FTS rowid comes from
-- search_docs, whose INTEGER PRIMARY KEY survives VACUUM (a table's implicit rowid may not).
-- unicode61 with remove_diacritics folds case and accents: "perche" finds "perché".
-- Update triggers watch only the text columns, so a vote or a count does not touch the index.
-- The prefix index (2 and 3 characters) keeps "as you type" prefix terms fast. kind is
-- indexed so "kind : idea" narrows a query inside FTS5 instead of row by row.
CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY,
	`kind` text NOT NULL,
	`item_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_item_idx` ON `search_docs` (`kind`, `item_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search` USING fts5(kind, item_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
--> statement-breakpoint
CREATE TRIGGER `insights_search_insert` AFTER INSERT ON `insights` BEGIN
	INSERT INTO search_docs (kind, item_id) VALUES ('insight', new.id);
	INSERT INTO search (rowid, kind, item_id, title, body) VALUES (last_insert_rowid(), 'insight', new.id, '', new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `insights_search_update` AFTER UPDATE OF body ON `insights` BEGIN
	DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'insight' AND item_id = old.id);
	INSERT INTO search (rowid, kind, item_id, title, body)
		SELECT id, 'insight', new.id, '', new.body FROM search_docs WHERE kind = 'insight' AND item_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `insights_search_delete` AFTER DELETE ON `insights` BEGIN
	DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'insight' AND item_id = old.id);
	DELETE FROM search_docs WHERE kind = 'insight' AND item_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_search_insert` AFTER INSERT ON `ideas` BEGIN
	INSERT INTO search_docs (kind, item_id) VALUES ('idea', new.id);
	INSERT INTO search (rowid, kind, item_id, title, body) VALUES (last_insert_rowid(), 'idea', new.id, new.title, new.problem || ' ' || new.proposal || ' ' || new.benefit);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_search_update` AFTER UPDATE OF title, problem, proposal, benefit ON `ideas` BEGIN
	DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'idea' AND item_id = old.id);
	INSERT INTO search (rowid, kind, item_id, title, body)
		SELECT id, 'idea', new.id, new.title, new.problem || ' ' || new.proposal || ' ' || new.benefit FROM search_docs WHERE kind = 'idea' AND item_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_search_delete` AFTER DELETE ON `ideas` BEGIN
	DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'idea' AND item_id = old.id);
	DELETE FROM search_docs WHERE kind = 'idea' AND item_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_insert` AFTER INSERT ON `comments` BEGIN
	INSERT INTO search_docs (kind, item_id) VALUES ('comment', new.id);
	INSERT INTO search (rowid, kind, item_id, title, body) VALUES (last_insert_rowid(), 'comment', new.id, '', new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_update` AFTER UPDATE OF body ON `comments` BEGIN
	DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'comment' AND item_id = old.id);
	INSERT INTO search (rowid, kind, item_id, title, body)
		SELECT id, 'comment', new.id, '', new.body FROM search_docs WHERE kind = 'comment' AND item_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_delete` AFTER DELETE ON `comments` BEGIN
	DELETE FROM search WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'comment' AND item_id = old.id);
	DELETE FROM search_docs WHERE kind = 'comment' AND item_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_docs (kind, item_id) SELECT 'insight', id FROM `insights`;
--> statement-breakpoint
INSERT INTO search (rowid, kind, item_id, title, body)
	SELECT d.id, 'insight', x.id, '', body FROM `insights` x JOIN search_docs d ON d.kind = 'insight' AND d.item_id = x.id;
--> statement-breakpoint
INSERT INTO search_docs (kind, item_id) SELECT 'idea', id FROM `ideas`;
--> statement-breakpoint
INSERT INTO search (rowid, kind, item_id, title, body)
	SELECT d.id, 'idea', x.id, title, problem || ' ' || proposal || ' ' || benefit FROM `ideas` x JOIN search_docs d ON d.kind = 'idea' AND d.item_id = x.id;
--> statement-breakpoint
INSERT INTO search_docs (kind, item_id) SELECT 'comment', id FROM `comments`;
--> statement-breakpoint
INSERT INTO search (rowid, kind, item_id, title, body)
	SELECT d.id, 'comment', x.id, '', body FROM `comments` x JOIN search_docs d ON d.kind = 'comment' AND d.item_id = x.id;
