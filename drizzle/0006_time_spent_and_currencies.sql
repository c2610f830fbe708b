CREATE TABLE `exchange_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`currency` text NOT NULL,
	`book_currency` text NOT NULL,
	`effective_from` text NOT NULL,
	`rate` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_rates_pair_from_unique` ON `exchange_rates` (`currency`,`book_currency`,`effective_from`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`clients_added` integer DEFAULT 0 NOT NULL,
	`quotes_added` integer DEFAULT 0 NOT NULL,
	`time_entries_added` integer DEFAULT 0 NOT NULL,
	`rows_skipped` integer DEFAULT 0 NOT NULL,
	`undone_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_rows` (
	`batch_id` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rows_batch_idx` ON `import_rows` (`batch_id`);--> statement-breakpoint
CREATE TABLE `time_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quote_id` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`minutes` integer NOT NULL,
	`note` text,
	`billable` integer,
	`source_key` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "time_entries_minutes_in_a_day" CHECK("time_entries"."minutes" > 0 AND "time_entries"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE INDEX `time_entries_quote_idx` ON `time_entries` (`quote_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `time_entries_day_idx` ON `time_entries` (`occurred_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `time_entries_source_key_unique` ON `time_entries` (`source_key`);--> statement-breakpoint
ALTER TABLE `quotes` ADD `fx_rate` text;--> statement-breakpoint
ALTER TABLE `quotes` ADD `work_done_on` text;--> statement-breakpoint
ALTER TABLE `quotes` ADD `estimate_known` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `quotes` ADD `source_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_source_key_unique` ON `quotes` (`source_key`);--> statement-breakpoint
ALTER TABLE `settings` ADD `creep_threshold_pct` integer DEFAULT 20 NOT NULL;