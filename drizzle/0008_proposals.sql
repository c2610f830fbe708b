CREATE TABLE `proposal_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`minutes` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "proposal_items_minutes_positive" CHECK("proposal_items"."minutes" > 0)
);
--> statement-breakpoint
CREATE INDEX `proposal_items_proposal_idx` ON `proposal_items` (`proposal_id`,`position`);--> statement-breakpoint
CREATE TABLE `proposal_option_items` (
	`option_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	PRIMARY KEY(`option_id`, `item_id`),
	FOREIGN KEY (`option_id`) REFERENCES `proposal_options`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `proposal_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `proposal_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`summary` text,
	`minutes` integer NOT NULL,
	`price` integer NOT NULL,
	`price_source` text NOT NULL,
	`rate_card_price` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "proposal_options_amounts" CHECK("proposal_options"."minutes" > 0 AND "proposal_options"."price" >= 0 AND "proposal_options"."rate_card_price" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposal_options_name_unique` ON `proposal_options` (`proposal_id`,`name`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quote_id` integer NOT NULL,
	`currency` text NOT NULL,
	`unit` text DEFAULT 'hour' NOT NULL,
	`floor_rate` integer NOT NULL,
	`target_rate` integer NOT NULL,
	`market_rate` integer NOT NULL,
	`rush` integer DEFAULT false NOT NULL,
	`rush_multiplier_pct` integer DEFAULT 100 NOT NULL,
	`hours_per_day` integer DEFAULT 8 NOT NULL,
	`minimum_fee` integer DEFAULT 0 NOT NULL,
	`below_floor_confirmed` integer DEFAULT false NOT NULL,
	`intro` text,
	`terms` text,
	`expires_on` text NOT NULL,
	`sent_on` text,
	`share_token` text,
	`chosen_option_id` integer,
	`decline_reason` text,
	`decline_note` text,
	`answered_on` text,
	`answered_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "proposals_rates_positive" CHECK("proposals"."floor_rate" >= 0 AND "proposals"."target_rate" > 0 AND "proposals"."market_rate" > 0 AND "proposals"."minimum_fee" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_quote_unique` ON `proposals` (`quote_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_share_token_unique` ON `proposals` (`share_token`);--> statement-breakpoint
ALTER TABLE `settings` ADD `minimum_fee` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `business_name` text DEFAULT '' NOT NULL;