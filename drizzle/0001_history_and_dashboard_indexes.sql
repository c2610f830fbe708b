DROP INDEX IF EXISTS `interactions_kind_idx`;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `interactions_occurred_idx` ON `interactions` (`occurred_on`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `interactions_kind_idx` ON `interactions` (`kind`,`occurred_on`);--> statement-breakpoint
DROP INDEX IF EXISTS `quotes_client_idx`;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `quotes_client_idx` ON `quotes` (`client_id`,`created_at`);