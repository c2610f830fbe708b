CREATE TABLE `score_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer
);
--> statement-breakpoint
CREATE INDEX `quotes_unfinished_idx` ON `quotes` (coalesce("decided_on", substr("created_at", 1, 10))) WHERE "status" = 'accepted' AND "work_done_on" IS NULL;
