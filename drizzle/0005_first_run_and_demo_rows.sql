CREATE TABLE `demo_rows` (
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
ALTER TABLE `settings` ADD `first_run_done` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- a book that already has clients or services has been through its first run: never ask again
INSERT INTO `settings` (`id`, `first_run_done`) SELECT 1, 1 WHERE EXISTS (SELECT 1 FROM `clients`) OR EXISTS (SELECT 1 FROM `services`) ON CONFLICT(`id`) DO UPDATE SET `first_run_done` = 1;
