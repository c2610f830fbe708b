CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`company` text,
	`email` text,
	`lead_source` text DEFAULT 'other' NOT NULL,
	`status` text DEFAULT 'prospect' NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clients_name_idx` ON `clients` (`name`);--> statement-breakpoint
CREATE INDEX `clients_status_idx` ON `clients` (`status`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`quote_id` integer,
	`kind` text NOT NULL,
	`subtype` text,
	`minutes` integer,
	`paid` integer,
	`answered` integer,
	`days_late` integer,
	`amount` integer,
	`initiated_by` text,
	`note` text,
	`occurred_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `interactions_client_idx` ON `interactions` (`client_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `interactions_kind_idx` ON `interactions` (`kind`);--> statement-breakpoint
CREATE TABLE `quote_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quote_id` integer NOT NULL,
	`kind` text NOT NULL,
	`answer` text,
	`percent_bp` integer,
	`amount` integer,
	`scope_minutes` integer,
	`note` text,
	`occurred_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quote_events_quote_idx` ON `quote_events` (`quote_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`service_id` integer,
	`title` text NOT NULL,
	`scope` text,
	`estimated_minutes` integer NOT NULL,
	`quoted_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`agreed_amount` integer,
	`sent_on` text,
	`decided_on` text,
	`rejection_reason` text,
	`came_back_at_my_price` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "quotes_amounts_nonneg" CHECK("quotes"."quoted_amount" >= 0 AND ("quotes"."agreed_amount" IS NULL OR "quotes"."agreed_amount" >= 0)),
	CONSTRAINT "quotes_minutes_positive" CHECK("quotes"."estimated_minutes" > 0)
);
--> statement-breakpoint
CREATE INDEX `quotes_client_idx` ON `quotes` (`client_id`);--> statement-breakpoint
CREATE INDEX `quotes_service_idx` ON `quotes` (`service_id`);--> statement-breakpoint
CREATE INDEX `quotes_status_idx` ON `quotes` (`status`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT 'hour' NOT NULL,
	`currency` text NOT NULL,
	`market_rate` integer NOT NULL,
	`target_rate` integer NOT NULL,
	`floor_rate` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "services_floor_le_target" CHECK("services"."floor_rate" <= "services"."target_rate"),
	CONSTRAINT "services_rates_positive" CHECK("services"."floor_rate" >= 0 AND "services"."target_rate" > 0 AND "services"."market_rate" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_name_unique` ON `services` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`locale` text DEFAULT 'en-US' NOT NULL,
	`hours_per_day` integer DEFAULT 8 NOT NULL,
	`weekly_capacity_hours` integer DEFAULT 30 NOT NULL,
	`weight_price_pressure` integer DEFAULT 25 NOT NULL,
	`weight_reciprocity` integer DEFAULT 20 NOT NULL,
	`weight_pay` integer DEFAULT 30 NOT NULL,
	`weight_chasing` integer DEFAULT 10 NOT NULL,
	`weight_payment` integer DEFAULT 15 NOT NULL,
	`band_keep` integer DEFAULT 70 NOT NULL,
	`band_walk_away` integer DEFAULT 40 NOT NULL,
	`chase_threshold` integer DEFAULT 2 NOT NULL,
	`rush_multiplier_pct` integer DEFAULT 150 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "settings_singleton" CHECK("settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
