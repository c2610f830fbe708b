CREATE TABLE `client_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`effective_from` text NOT NULL,
	`rate` integer NOT NULL,
	`rate_plan_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "client_rates_positive" CHECK("client_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_rates_client_service_from_unique` ON `client_rates` (`client_id`,`service_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `rate_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`currency` text NOT NULL,
	`current_rate` integer NOT NULL,
	`target_rate` integer NOT NULL,
	`new_rate` integer NOT NULL,
	`notice_on` text NOT NULL,
	`effective_from` text NOT NULL,
	`letter` text NOT NULL,
	`outcome` text,
	`outcome_rate` integer,
	`outcome_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rate_plans_rates_positive" CHECK("rate_plans"."current_rate" >= 0 AND "rate_plans"."target_rate" > 0 AND "rate_plans"."new_rate" > 0)
);
--> statement-breakpoint
CREATE INDEX `rate_plans_client_idx` ON `rate_plans` (`client_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `today_item_states` (
	`item_key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`fingerprint` text NOT NULL,
	`snoozed_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `clients` ADD `payment_terms_days` integer;--> statement-breakpoint
ALTER TABLE `quotes` ADD `payment_terms_days` integer;--> statement-breakpoint
ALTER TABLE `settings` ADD `follow_up_after_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `payment_terms_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `raise_after_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `raise_notice_months` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `raise_by_pct` integer DEFAULT 10 NOT NULL;