CREATE TABLE `service_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` integer NOT NULL,
	`effective_from` text NOT NULL,
	`market_rate` integer NOT NULL,
	`target_rate` integer NOT NULL,
	`floor_rate` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "service_rates_floor_le_target" CHECK("service_rates"."floor_rate" <= "service_rates"."target_rate"),
	CONSTRAINT "service_rates_positive" CHECK("service_rates"."floor_rate" >= 0 AND "service_rates"."target_rate" > 0 AND "service_rates"."market_rate" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_rates_service_from_unique` ON `service_rates` (`service_id`,`effective_from`);
--> statement-breakpoint
-- Backfill: every existing service's rates (today's rate card) become its rates since the beginning.
INSERT INTO `service_rates` (`service_id`, `effective_from`, `market_rate`, `target_rate`, `floor_rate`) SELECT `id`, '1970-01-01', `market_rate`, `target_rate`, `floor_rate` FROM `services` ORDER BY `id`;
